package io.infolettre.newsletter.people;

import java.util.List;
import java.util.Optional;

/** The team, in MongoDB ({@code people}). */
public interface People {

	Optional<Person> find(String id);

	/** @param login an email address or a user name, in any case */
	Optional<Person> findByLogin(String login);

	/** Everyone, active first, then by name. */
	List<Person> all();

	boolean any();

	/**
	 * The active people whose role gives this permission under the team's rule on approval: whom to
	 * tell that an issue waits for them, for instance.
	 */
	List<Person> withPermission(Permission permission, boolean approvalRequired);

	/**
	 * A person who can log in at once: the first administrator, or a test's.
	 * @return empty when the login is taken (another node created it first)
	 */
	Optional<Person> createActive(String login, String email, String name, Role role, String passwordHash);

}

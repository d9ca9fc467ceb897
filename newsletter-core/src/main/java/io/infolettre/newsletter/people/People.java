package io.infolettre.newsletter.people;

import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.shared.Actor;

/**
 * The team, in MongoDB ({@code people}), and the transitions of its people: invited → active ⇄
 * deactivated, password set by an invitation or a reset link (each single use, with an expiry),
 * changed by its owner; role changed by an administrator. The team always keeps one active
 * administrator.
 */
public interface People {

	Optional<Person> find(String id);

	/** @param login a login or an email address, in any case */
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

	/**
	 * Invites someone by email: a person INVITED with this role, whose login is the address, and the
	 * link's secret, valid {@link Invitation#VALIDITY}.
	 * @throws TeamChangeRefusedException when the address is not one, or someone has it already
	 */
	Invitation invite(String email, String name, Role role);

	/**
	 * A new invitation for someone still INVITED (the first was lost or expired); the former link stops
	 * working.
	 * @throws TeamChangeRefusedException when the person is not waiting for an invitation
	 */
	Invitation renewInvitation(String personId);

	/** The invited person this invitation's secret names, when it still works (not used, not replaced, not expired). */
	Optional<Person> invitedWith(String grantId);

	/** Sets the invited person's first password and makes them active; works once. Empty when it no longer works. */
	Optional<Person> acceptInvitation(String grantId, String passwordHash);

	/**
	 * A password reset for the active person with this login or address (replacing any earlier one),
	 * valid {@link PasswordReset#VALIDITY}; empty for an unknown address or a person not active.
	 */
	Optional<PasswordReset> requestPasswordReset(String login);

	/** The person this reset secret names, when it still works. */
	Optional<Person> resettingWith(String grantId);

	/** Sets the new password; works once. Empty when the link no longer works. */
	Optional<Person> resetPassword(String grantId, String passwordHash);

	/** The person's own new password. */
	Person changePassword(String personId, String passwordHash);

	/**
	 * The person's name and email address. A person who logs in with their address logs in with the
	 * new one.
	 * @throws TeamChangeRefusedException when the address is not one, or is someone else's
	 */
	Person updateProfile(String personId, String name, String email);

	/**
	 * @throws TeamChangeRefusedException for one's own role, or when it would leave the team without an
	 * active administrator
	 */
	Person changeRole(String personId, Role role, Actor by);

	/**
	 * Ends the person's access (their next request logs them out; a pending invitation stops working);
	 * their history stays.
	 * @throws TeamChangeRefusedException for oneself, or for the last active administrator
	 */
	Person deactivate(String personId, Actor by);

	/** Active again with the password they had; never having chosen one, INVITED again (to be sent a new invitation). */
	Person reactivate(String personId);

	/** A login through a login page, shown on the team page. */
	void recordLogin(String personId);

}

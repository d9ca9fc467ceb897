package io.infolettre.newsletter.support;

import java.util.UUID;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People of the team for a test: active at once, with a password, through the same store and password
 * encoder as the application's. Each gets a login of its own so that tests sharing the context never
 * meet.
 */
public class TestPeople {

	private final People people;

	private final PasswordEncoder passwords;

	TestPeople(People people, PasswordEncoder passwords) {
		this.people = people;
		this.passwords = passwords;
	}

	/** A person with this role, a fresh login ({@code role-…@exemple.ca}) and a fresh password. */
	public Credentials create(Role role) {
		String login = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@exemple.ca";
		return create(login, "mot-de-passe-" + UUID.randomUUID(), role);
	}

	public Credentials create(String login, String password, Role role) {
		Person person = this.people
			.createActive(login, login.contains("@") ? login : null, "Personne " + role.name(), role,
					this.passwords.encode(password))
			.orElseThrow();
		assertThat(person.isActive()).isTrue();
		return new Credentials(person.id(), person.login(), password, role);
	}

	@AutoConfiguration
	static class Registration {

		@Bean
		TestPeople testPeople(People people, PasswordEncoder passwords) {
			return new TestPeople(people, passwords);
		}

	}

	/** What a test logs in with. */
	public record Credentials(String personId, String login, String password, Role role) {

	}

}

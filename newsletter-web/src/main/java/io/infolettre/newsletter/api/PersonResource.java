package io.infolettre.newsletter.api;

import java.time.Instant;

import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonStatus;
import io.infolettre.newsletter.people.Role;

/**
 * A person of the team as the API shows them (never their password hash).
 *
 * @param invitationExpiresAt while INVITED, until when their invitation link works
 */
record PersonResource(String id, String login, String email, String name, Role role, PersonStatus status,
		Instant createdAt, Instant lastLoginAt, Instant invitationExpiresAt, Instant deactivatedAt) {

	static PersonResource of(Person person) {
		return new PersonResource(person.id(), person.login(), person.email(), person.name(), person.role(),
				person.status(), person.createdAt(), person.lastLoginAt(), person.invitationExpiresAt(),
				person.deactivatedAt());
	}

}

package io.infolettre.newsletter.people;

import java.time.Instant;

/**
 * A member of the team. {@code login} is what they type to log in: their email address in lower
 * case, or the first administrator's user name ({@code newsletter.admin.username}). The password is
 * kept only as a hash, made by the web module's password encoder.
 */
public record Person(String id, String login, String email, String name, Role role, PersonStatus status,
		String passwordHash, Instant createdAt, Instant updatedAt) {

	public boolean isActive() {
		return this.status == PersonStatus.ACTIVE;
	}

	/** The name, or the login when the person has not given one. */
	public String displayName() {
		return this.name == null || this.name.isBlank() ? this.login : this.name;
	}

	@Override
	public String toString() {
		return "Person[id=" + this.id + ", login=" + this.login + ", role=" + this.role + ", status=" + this.status
				+ "]";
	}

}

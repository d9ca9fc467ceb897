package io.infolettre.newsletter.people;

import java.time.Instant;

/**
 * A member of the team. {@code login} is what they type to log in: their email address in lower
 * case, or the first administrator's user name ({@code newsletter.admin.username}); they may also
 * log in with their email address. The password is kept only as a hash, made by the web module's
 * password encoder.
 *
 * @param lastLoginAt their last login through a login page, or null
 * @param invitationExpiresAt while INVITED, until when their invitation link works (null when none
 * was sent since a reactivation)
 * @param deactivatedAt when they were deactivated, while DEACTIVATED
 */
public record Person(String id, String login, String email, String name, Role role, PersonStatus status,
		String passwordHash, Instant createdAt, Instant updatedAt, Instant lastLoginAt, Instant invitationExpiresAt,
		Instant deactivatedAt) {

	public boolean isActive() {
		return this.status == PersonStatus.ACTIVE;
	}

	public boolean isInvited() {
		return this.status == PersonStatus.INVITED;
	}

	/** An active administrator: one of those the team must always keep one of. */
	public boolean isActiveAdministrator() {
		return isActive() && this.role == Role.ADMIN;
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

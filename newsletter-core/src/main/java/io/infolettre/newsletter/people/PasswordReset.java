package io.infolettre.newsletter.people;

import java.time.Duration;
import java.time.Instant;

/**
 * A password reset just requested: the person, and the secret id that their link carries (only its
 * hash is stored; it works once, until {@code expiresAt}; a newer request replaces it).
 */
public record PasswordReset(Person person, String grantId, Instant expiresAt) {

	/** How long a reset link works. */
	public static final Duration VALIDITY = Duration.ofHours(2);

	@Override
	public String toString() {
		return "PasswordReset[person=" + this.person + ", expiresAt=" + this.expiresAt + "]";
	}

}

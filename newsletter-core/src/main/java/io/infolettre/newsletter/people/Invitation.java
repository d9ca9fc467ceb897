package io.infolettre.newsletter.people;

import java.time.Duration;
import java.time.Instant;

/**
 * An invitation just issued: the person invited, and the secret id that their link carries (only its
 * hash is stored, and it works once, until {@code expiresAt}).
 */
public record Invitation(Person person, String grantId, Instant expiresAt) {

	/** How long an invitation link works. */
	public static final Duration VALIDITY = Duration.ofHours(72);

	@Override
	public String toString() {
		return "Invitation[person=" + this.person + ", expiresAt=" + this.expiresAt + "]";
	}

}

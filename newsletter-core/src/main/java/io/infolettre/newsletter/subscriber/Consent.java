package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * Proof that a subscriber agreed to receive the newsletter (CASL): what kind of consent, where it
 * came from and when. Implied consent (membership) lapses; express consent does not.
 */
public record Consent(Type type, String source, String proof, Instant grantedAt) {

	public enum Type {
		EXPRESS, IMPLIED_MEMBERSHIP, IMPLIED_BUSINESS_RELATIONSHIP
	}

}

package io.infolettre.newsletter.tracking;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns a delivery id into an opaque token and back. The id is encrypted (no database id appears
 * in a URL) and authenticated with an HMAC, both keyed by the installation's secret, so a token is
 * useless on another installation and cannot be forged or altered.
 */
public interface TrackingTokens {

	/** @param deliveryId 32 hexadecimal digits (16 bytes) */
	String issue(TokenPurpose purpose, String deliveryId);

	/** The delivery id, or empty when the token is malformed, altered or for another purpose. */
	Optional<String> verify(TokenPurpose purpose, String token);

	/**
	 * A click token: the delivery and which of the issue's links (the key {@link TrackedLinks} gives
	 * it), both authenticated together.
	 */
	String issueClick(String deliveryId, int linkKey);

	/** The click, or empty when the token is malformed, altered or not a click token. */
	Optional<Click> verifyClick(String token);

	/**
	 * A token that expires: the id and the instant, authenticated together, so that a link can say
	 * "expired" rather than "unknown" without any lookup.
	 * @param id 32 hexadecimal digits (16 bytes)
	 */
	String issueExpiring(TokenPurpose purpose, String id, Instant expiresAt);

	/** The id and the expiry (passed or not), or empty when the token is not genuine or for another purpose. */
	Optional<Expiring> verifyExpiring(TokenPurpose purpose, String token);

	/** A verified expiring token; {@code expiresAt} may have passed. */
	record Expiring(String id, Instant expiresAt) {

		public boolean hasExpiredAt(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

	/** A verified click token. */
	record Click(String deliveryId, int linkKey) {
	}

}

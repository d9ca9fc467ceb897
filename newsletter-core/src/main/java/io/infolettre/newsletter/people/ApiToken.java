package io.infolettre.newsletter.people;

import java.time.Instant;

/**
 * A person's key to the API, sent as {@code Authorization: Bearer …}. It acts for its person with its
 * own role, theirs or a narrower one; only a hash of its secret is kept, so the secret is shown once,
 * when the token is issued. A revoked token opens nothing, and is kept for the record.
 *
 * @param lastUsedAt when it last opened the API (to the minute), or null if never
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiToken(String id, String personId, String name, Role role, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

}

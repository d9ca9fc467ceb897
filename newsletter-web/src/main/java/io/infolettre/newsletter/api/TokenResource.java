package io.infolettre.newsletter.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.infolettre.newsletter.people.ApiToken;
import io.infolettre.newsletter.people.Role;

/**
 * An API token as the API shows it; {@code token}, the secret, only in the answer that issued it.
 */
record TokenResource(String id, String name, Role role, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String token) {

	static TokenResource of(ApiToken token) {
		return new TokenResource(token.id(), token.name(), token.role(), token.createdAt(), token.lastUsedAt(),
				token.revokedAt(), null);
	}

	static TokenResource issued(ApiToken token, String secret) {
		return new TokenResource(token.id(), token.name(), token.role(), token.createdAt(), null, null, secret);
	}

}

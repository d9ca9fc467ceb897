package io.infolettre.newsletter.people;

import java.util.List;
import java.util.Optional;

/** The API tokens of the team, in MongoDB ({@code api_tokens}); secrets are kept only as SHA-256 hashes. */
public interface ApiTokens {

	/**
	 * A new token for this person with this role.
	 * @param widest the widest role the new token may have: the person's own, or the narrower role of
	 * the token they ask with (a token never makes a wider one)
	 * @param role the role of the token, null for the widest
	 * @throws ApiTokenRefused when the name is blank or too long, or the role wider than the person's
	 * or than {@code widest}
	 */
	IssuedApiToken issue(Person person, Role widest, String name, Role role);

	/**
	 * The valid token this secret belongs to, noting that it was used; empty for an unknown or
	 * revoked one.
	 */
	Optional<ApiToken> use(String secret);

	Optional<ApiToken> find(String id);

	/** A person's tokens, the newest first, revoked ones included. */
	List<ApiToken> of(String personId);

	/** @return the token as revoked (again, if it already was: a revocation is never undone) */
	Optional<ApiToken> revoke(String id);

}

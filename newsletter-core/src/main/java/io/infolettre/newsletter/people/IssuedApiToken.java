package io.infolettre.newsletter.people;

/**
 * A token just issued, with its secret: the only moment the secret exists outside the caller's hands.
 */
public record IssuedApiToken(ApiToken token, String secret) {

	@Override
	public String toString() {
		return "IssuedApiToken[token=" + this.token + ", secret=***]";
	}

}

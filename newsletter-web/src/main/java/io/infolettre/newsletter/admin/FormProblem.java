package io.infolettre.newsletter.admin;

/**
 * A form that cannot be read (a field missing or malformed), named by a message key so that the
 * coordinator reads it in the page's language. Rules broken are the domain's
 * {@link IllegalArgumentException}s, whose messages are French.
 */
class FormProblem extends RuntimeException {

	private final String code;

	FormProblem(String code) {
		super(code);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}

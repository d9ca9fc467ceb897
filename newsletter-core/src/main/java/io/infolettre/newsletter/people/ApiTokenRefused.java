package io.infolettre.newsletter.people;

/** A token that cannot be issued as asked; the message says why, in French, for the person asking. */
public class ApiTokenRefused extends RuntimeException {

	public ApiTokenRefused(String reason) {
		super(reason);
	}

}

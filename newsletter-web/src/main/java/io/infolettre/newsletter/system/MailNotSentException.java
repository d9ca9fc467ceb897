package io.infolettre.newsletter.system;

/** The relay did not take a team email (an invitation, a reset); the reason is the relay's. */
public class MailNotSentException extends RuntimeException {

	MailNotSentException(String reason, Throwable cause) {
		super(reason, cause);
	}

}

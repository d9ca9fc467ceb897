package io.infolettre.newsletter.delivery;

/**
 * A delivery problem reported after the relay accepted the message: a bounce from the recipient's
 * server (RFC 3464 delivery status notification) or a complaint (feedback loop).
 *
 * @param messageId the Message-ID of our message, angle brackets optional
 * @param type what happened
 * @param diagnostic the remote server's words, kept for the coordinator
 */
public record BounceReport(String messageId, Type type, String diagnostic) {

	public enum Type {

		/** The address does not exist or refuses mail for good. */
		HARD,

		/** A temporary problem (mailbox full, greylisting) that the remote server gave up on. */
		SOFT,

		/** The member marked the message as spam. */
		COMPLAINT

	}

}

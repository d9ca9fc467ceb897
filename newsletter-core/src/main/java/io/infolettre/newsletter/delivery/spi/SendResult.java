package io.infolettre.newsletter.delivery.spi;

/** What the relay said about one message. */
public sealed interface SendResult {

	/** 2xx: the relay took responsibility for the message. */
	record Accepted(String messageId) implements SendResult {
	}

	/**
	 * 4xx (temporary) or 5xx (permanent).
	 * @param recipient whether the refusal is about the recipient's address (RCPT TO), which is what a
	 * hard bounce means, rather than about the message or the session
	 */
	record Rejected(int code, String reply, boolean recipient) implements SendResult {

		public boolean permanent() {
			return this.code >= 500;
		}

	}

}

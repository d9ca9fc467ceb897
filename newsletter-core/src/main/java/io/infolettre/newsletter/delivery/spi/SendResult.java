package io.infolettre.newsletter.delivery.spi;

/** What the relay said about one message. */
public sealed interface SendResult {

	/**
	 * 2xx: the relay took responsibility for the message.
	 * @param possibleDuplicate an earlier try on a connection that died before its reply may have
	 * been accepted too
	 */
	record Accepted(String messageId, boolean possibleDuplicate) implements SendResult {

		public Accepted(String messageId) {
			this(messageId, false);
		}

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

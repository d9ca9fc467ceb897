package io.infolettre.newsletter.delivery.spi;

/**
 * What the relay said about one message.
 * <p>
 * {@link #possibleDuplicate()}: an earlier try on a connection that died after the whole message and
 * before the relay's reply may have been accepted, whatever this try's reply says.
 */
public sealed interface SendResult {

	boolean possibleDuplicate();

	/** The same reply, after an earlier try whose fate is unknown. */
	SendResult afterLostReply();

	/** 2xx: the relay took responsibility for the message. */
	record Accepted(String messageId, boolean possibleDuplicate) implements SendResult {

		public Accepted(String messageId) {
			this(messageId, false);
		}

		@Override
		public Accepted afterLostReply() {
			return new Accepted(this.messageId, true);
		}

	}

	/**
	 * 4xx (temporary) or 5xx (permanent).
	 * @param recipient whether the refusal is about the recipient's address (RCPT TO), which is what a
	 * hard bounce means, rather than about the message or the session
	 */
	record Rejected(int code, String reply, boolean recipient, boolean possibleDuplicate) implements SendResult {

		public Rejected(int code, String reply, boolean recipient) {
			this(code, reply, recipient, false);
		}

		public boolean permanent() {
			return this.code >= 500;
		}

		@Override
		public Rejected afterLostReply() {
			return new Rejected(this.code, this.reply, this.recipient, true);
		}

	}

}

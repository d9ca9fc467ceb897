package io.infolettre.newsletter.delivery.spi;

/** What the relay said about one message. */
public sealed interface SendResult {

	/** 2xx: the relay took responsibility for the message. */
	record Accepted(String messageId) implements SendResult {
	}

	/** 4xx (temporary) or 5xx (permanent) for this message or its recipient. */
	record Rejected(boolean permanent, int code, String reply) implements SendResult {
	}

}

package io.infolettre.newsletter.delivery.spi;

/** One open connection to the relay, reused for many messages by one thread. */
public interface MailConnection extends AutoCloseable {

	/**
	 * @throws RelayUnavailableException when the connection is lost and cannot be re-established
	 */
	SendResult send(OutgoingMessage message);

	@Override
	void close();

}

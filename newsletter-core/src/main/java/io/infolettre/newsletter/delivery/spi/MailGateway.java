package io.infolettre.newsletter.delivery.spi;

/** Where messages leave the application. */
public interface MailGateway {

	/** @throws RelayUnavailableException when the relay cannot be reached */
	MailConnection connect();

}

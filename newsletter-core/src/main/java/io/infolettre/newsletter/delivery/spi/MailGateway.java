package io.infolettre.newsletter.delivery.spi;

/** Where messages leave the application. */
public interface MailGateway {

	/** @throws RelayUnavailableException when the relay cannot be reached */
	MailConnection connect();

	/**
	 * Whether the relay answers now: a connection is opened (greeting, EHLO, authentication) and
	 * closed again; no message is sent.
	 */
	default boolean answers() {
		try (MailConnection connection = connect()) {
			return true;
		}
		catch (RelayUnavailableException ex) {
			return false;
		}
	}

}

package io.infolettre.newsletter.delivery.spi;

/**
 * The relay cannot be reached or dropped the connection and did not come back. Nothing about the
 * message is known to have been accepted.
 */
public class RelayUnavailableException extends RuntimeException {

	public RelayUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

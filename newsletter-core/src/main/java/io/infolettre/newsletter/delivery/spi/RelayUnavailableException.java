package io.infolettre.newsletter.delivery.spi;

/**
 * The relay cannot be reached or dropped the connection and did not come back. The message was not
 * accepted, unless {@link #messageMayHaveArrived()} says the reply was lost.
 */
public class RelayUnavailableException extends RuntimeException {

	private final boolean messageMayHaveArrived;

	public RelayUnavailableException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * @param messageMayHaveArrived the connection died after the whole message was on the wire and
	 * before the relay's reply: the relay may have accepted it
	 */
	public RelayUnavailableException(String message, Throwable cause, boolean messageMayHaveArrived) {
		super(message, cause);
		this.messageMayHaveArrived = messageMayHaveArrived;
	}

	public boolean messageMayHaveArrived() {
		return this.messageMayHaveArrived;
	}

}

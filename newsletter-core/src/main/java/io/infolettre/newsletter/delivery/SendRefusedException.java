package io.infolettre.newsletter.delivery;

/** A send that cannot start, with a reason the coordinator can act on. Nothing was sent. */
public class SendRefusedException extends RuntimeException {

	public SendRefusedException(String reason, Throwable cause) {
		super(reason, cause);
	}

}

package io.infolettre.newsletter.delivery.internal;

/**
 * Ends a send job early because the issue was paused or cancelled (by the coordinator, or by the
 * engine itself when the relay fails). The job ends FAILED, which Batch can restart: resuming takes
 * the ledger up where it stopped.
 */
class SendInterruptedException extends RuntimeException {

	SendInterruptedException(String message) {
		super(message);
	}

}

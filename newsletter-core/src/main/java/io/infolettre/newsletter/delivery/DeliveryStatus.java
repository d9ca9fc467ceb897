package io.infolettre.newsletter.delivery;

/**
 * Where one recipient of one issue stands. SENDING is written just before the message goes on the
 * wire: an entry still SENDING after a crash was in flight at that instant.
 */
public enum DeliveryStatus {

	PENDING, SENDING, SENT, FAILED_TEMPORARY, FAILED_PERMANENT, SKIPPED;

	public boolean isFailure() {
		return this == FAILED_TEMPORARY || this == FAILED_PERMANENT;
	}

}

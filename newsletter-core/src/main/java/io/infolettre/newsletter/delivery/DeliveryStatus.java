package io.infolettre.newsletter.delivery;

/**
 * Where one recipient of one issue stands. SENDING is written just before the message goes on the
 * wire and replaced just after the relay's reply: an entry still SENDING after a crash was in flight
 * at that instant (at most one per connection). UNCERTAIN is such an entry held back instead of
 * being sent again.
 */
public enum DeliveryStatus {

	PENDING, SENDING, SENT, FAILED_TEMPORARY, FAILED_PERMANENT, SKIPPED, UNCERTAIN;

	public boolean isFailure() {
		return this == FAILED_TEMPORARY || this == FAILED_PERMANENT;
	}

	/** Nothing more will happen to this entry in this send. */
	public boolean isFinal() {
		return this != PENDING && this != SENDING;
	}

	/** The member did not get the message, and a resend may reach them. */
	public boolean isUndelivered() {
		return this == FAILED_TEMPORARY || this == FAILED_PERMANENT || this == UNCERTAIN;
	}

}

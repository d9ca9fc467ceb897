package io.infolettre.newsletter.delivery;

/**
 * Where one recipient of one issue stands. Which entries are on the wire at a given instant (at most
 * one per connection) is kept in the ledger head, not here; after a crash those entries are
 * sent again and marked as possible duplicates, or held back as UNCERTAIN, by setting.
 */
public enum DeliveryStatus {

	PENDING, SENT, FAILED_TEMPORARY, FAILED_PERMANENT, SKIPPED, UNCERTAIN;

	public boolean isFailure() {
		return this == FAILED_TEMPORARY || this == FAILED_PERMANENT;
	}

	/** Nothing more will happen to this entry in this send. */
	public boolean isFinal() {
		return this != PENDING;
	}

	/** The member did not get the message, and a resend may reach them. */
	public boolean isUndelivered() {
		return this == FAILED_TEMPORARY || this == FAILED_PERMANENT || this == UNCERTAIN;
	}

}

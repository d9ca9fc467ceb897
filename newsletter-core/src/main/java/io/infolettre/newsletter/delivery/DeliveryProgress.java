package io.infolettre.newsletter.delivery;

/**
 * Counts of an issue's ledger entries by status, for the progress bar and the report.
 */
public record DeliveryProgress(long total, long pending, long sending, long sent, long failedTemporary,
		long failedPermanent, long skipped, long opened, long unsubscribed) {

	public static final DeliveryProgress NONE = new DeliveryProgress(0, 0, 0, 0, 0, 0, 0, 0, 0);

	public long done() {
		return this.sent + this.failedTemporary + this.failedPermanent + this.skipped;
	}

	public long failed() {
		return this.failedTemporary + this.failedPermanent;
	}

	public int percent() {
		return this.total == 0 ? 0 : (int) (this.done() * 100 / this.total);
	}

}

package io.infolettre.newsletter.delivery;

/**
 * Counts of an issue's ledger entries by status, for the progress bar and the report, with the
 * current sending rate (messages per second over the last seconds, 0 when idle).
 */
public record DeliveryProgress(long total, long pending, long sending, long sent, long failedTemporary,
		long failedPermanent, long skipped, long uncertain, long opened, long unsubscribed, double rate) {

	public static final DeliveryProgress NONE = new DeliveryProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	public long done() {
		return this.sent + this.failedTemporary + this.failedPermanent + this.skipped + this.uncertain;
	}

	public long failed() {
		return this.failedTemporary + this.failedPermanent;
	}

	public int percent() {
		return this.total == 0 ? 0 : (int) (this.done() * 100 / this.total);
	}

	/** Seconds until the end at the current rate, or -1 when it cannot be told. */
	public long secondsLeft() {
		long left = this.total - done();
		return this.rate <= 0 || left <= 0 ? -1 : (long) Math.ceil(left / this.rate);
	}

}

package io.infolettre.newsletter.report;

import io.infolettre.newsletter.delivery.EventCounts;

/**
 * The figures of one issue. Rates are over the messages the relay accepted (sent), as a fraction
 * from 0 to 1; zero when nothing was sent yet. {@code failed} is the temporary and permanent
 * failures together; {@code uncertain} messages were on the wire when the application died and were
 * held back; {@code rate} is the current sending rate in messages per second (0 when idle).
 * {@code uniqueOpens} counts the recipients who read it (a first open or click by a person or a
 * webmail's image proxy); {@code opens} and {@code clicks} hold every event recorded, by class,
 * machines' included, and the recipients who followed a link.
 */
public record IssueReport(String issueId, long recipients, long sent, long failed, long skipped, long pending,
		long uniqueOpens, long unsubscribes, long failedTemporary, long failedPermanent, long uncertain,
		double rate, EventCounts opens, EventCounts clicks) {

	/** Recipients whose message went out, failed or was skipped: everyone but those still pending. */
	public long done() {
		return this.recipients - this.pending;
	}

	public int percent() {
		return this.recipients == 0 ? 0 : (int) (done() * 100 / this.recipients);
	}

	/** Recipients a resend may still reach: failed or uncertain. */
	public long undelivered() {
		return this.failed + this.uncertain;
	}

	/** Seconds until the end at the current rate, or -1 when it cannot be told. */
	public long secondsLeft() {
		return this.rate <= 0 || this.pending <= 0 ? -1 : (long) Math.ceil(this.pending / this.rate);
	}

	public double openRate() {
		return this.sent == 0 ? 0 : (double) this.uniqueOpens / this.sent;
	}

	/** Recipients who followed a link, over those the message reached. */
	public double clickRate() {
		return this.sent == 0 ? 0 : (double) this.clicks.unique() / this.sent;
	}

	public double unsubscribeRate() {
		return this.sent == 0 ? 0 : (double) this.unsubscribes / this.sent;
	}

}

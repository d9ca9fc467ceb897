package io.infolettre.newsletter.report;

/**
 * The figures of one issue. Rates are over the messages the relay accepted (sent), as a fraction
 * from 0 to 1; zero when nothing was sent yet.
 */
public record IssueReport(String issueId, long recipients, long sent, long failed, long skipped, long pending,
		long uniqueOpens, long unsubscribes) {

	/** Recipients whose message went out, failed or was skipped: everyone but those still pending. */
	public long done() {
		return this.recipients - this.pending;
	}

	public int percent() {
		return this.recipients == 0 ? 0 : (int) (done() * 100 / this.recipients);
	}

	public double openRate() {
		return this.sent == 0 ? 0 : (double) this.uniqueOpens / this.sent;
	}

	public double unsubscribeRate() {
		return this.sent == 0 ? 0 : (double) this.unsubscribes / this.sent;
	}

}

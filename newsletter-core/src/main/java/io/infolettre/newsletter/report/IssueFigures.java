package io.infolettre.newsletter.report;

/**
 * Everything the report page shows at the top: the send's figures from the ledger head and the
 * tracking counters. Rates are fractions from 0 to 1 over the messages the relay accepted (sent);
 * the click-to-open rate is over the recipients who read it.
 */
public record IssueFigures(IssueReport delivery, IssueStatistics stats) {

	public long sent() {
		return this.delivery.sent();
	}

	public double humanOpenRate() {
		return rate(this.stats.read(), sent());
	}

	public double machineOpenRate() {
		return rate(this.stats.machineOnly(), sent());
	}

	public double totalOpenRate() {
		return rate(this.stats.seen(), sent());
	}

	public double clickRate() {
		return rate(this.stats.clicked(), sent());
	}

	public double clickToOpenRate() {
		return rate(this.stats.clicked(), this.stats.read());
	}

	public double unsubscribeRate() {
		return rate(this.delivery.unsubscribes(), sent());
	}

	static double rate(long count, long over) {
		return over == 0 ? 0 : (double) count / over;
	}

}

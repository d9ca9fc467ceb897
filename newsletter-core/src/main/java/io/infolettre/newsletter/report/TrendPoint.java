package io.infolettre.newsletter.report;

import java.time.Instant;

/** One sent issue's rates, for the trend across issues. */
public record TrendPoint(String issueId, String title, Instant sentAt, long sent, long read, long clicked) {

	public double openRate() {
		return IssueFigures.rate(this.read, this.sent);
	}

	public double clickRate() {
		return IssueFigures.rate(this.clicked, this.sent);
	}

	public double clickToOpenRate() {
		return IssueFigures.rate(this.clicked, this.read);
	}

}

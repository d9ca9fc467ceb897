package io.infolettre.newsletter.report;

/**
 * An issue's figures for the recipients sharing one value of an attribute (empty: not given).
 *
 * @param read recipients a person read it for
 * @param clicked recipients who followed a link as persons
 */
public record BreakdownRow(String value, long recipients, long sent, long read, long clicked) {

	public double openRate() {
		return IssueFigures.rate(this.read, this.sent);
	}

	public double clickRate() {
		return IssueFigures.rate(this.clicked, this.sent);
	}

}

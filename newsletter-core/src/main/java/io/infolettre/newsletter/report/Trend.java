package io.infolettre.newsletter.report;

import java.util.List;

/**
 * Open and click rates of the sent issues, oldest first, and the last one against the mean of the
 * ones before it (each issue weighs the same, whatever its size).
 */
public record Trend(List<TrendPoint> issues) {

	public Trend {
		issues = List.copyOf(issues);
	}

	public TrendPoint last() {
		return this.issues.isEmpty() ? null : this.issues.get(this.issues.size() - 1);
	}

	public boolean comparable() {
		return this.issues.size() >= 2;
	}

	public double previousOpenRate() {
		return previous().stream().mapToDouble(TrendPoint::openRate).average().orElse(0);
	}

	public double previousClickRate() {
		return previous().stream().mapToDouble(TrendPoint::clickRate).average().orElse(0);
	}

	public double previousClickToOpenRate() {
		return previous().stream().mapToDouble(TrendPoint::clickToOpenRate).average().orElse(0);
	}

	private List<TrendPoint> previous() {
		return this.issues.isEmpty() ? List.of() : this.issues.subList(0, this.issues.size() - 1);
	}

}

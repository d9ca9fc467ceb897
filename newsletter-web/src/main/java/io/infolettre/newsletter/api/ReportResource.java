package io.infolettre.newsletter.api;

import java.util.Map;
import java.util.TreeMap;

import io.infolettre.newsletter.report.IssueReport;
import io.infolettre.newsletter.tracking.OpenClass;

/**
 * An issue's figures; rates are fractions from 0 to 1. {@code uniqueOpens} counts recipients who read
 * it (a person's or a webmail proxy's open, or a person's click); {@code openEvents} every open
 * recorded (repeated ones, proxies' and scanners' included), and {@code openClasses} the same by
 * class (HUMAN, IMAGE_PROXY, APPLE_PRIVACY, SCANNER); likewise for clicks.
 */
record ReportResource(String issueId, long recipients, long sent, long failed, long skipped, long uncertain,
		long pending, long uniqueOpens, double openRate, long unsubscribes, double unsubscribeRate, long openEvents,
		Map<OpenClass, Long> openClasses, long uniqueClicks, double clickRate, long clickEvents,
		Map<OpenClass, Long> clickClasses) {

	static ReportResource of(IssueReport r) {
		return new ReportResource(r.issueId(), r.recipients(), r.sent(), r.failed(), r.skipped(), r.uncertain(),
				r.pending(), r.uniqueOpens(), r.openRate(), r.unsubscribes(), r.unsubscribeRate(), r.opens().events(),
				new TreeMap<>(r.opens().byClass()), r.clicks().unique(), r.clickRate(), r.clicks().events(),
				new TreeMap<>(r.clicks().byClass()));
	}

}

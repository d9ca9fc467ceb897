package io.infolettre.newsletter.api;

import java.util.Map;
import java.util.TreeMap;

import io.infolettre.newsletter.report.IssueReport;
import io.infolettre.newsletter.tracking.OpenClass;

/**
 * An issue's figures; rates are fractions from 0 to 1. {@code uniqueOpens} counts recipients who read
 * it; {@code openEvents} every open recorded (repeated ones, proxies' and scanners' included), and
 * {@code openClasses} the same by class (HUMAN, IMAGE_PROXY, APPLE_PRIVACY, SCANNER).
 */
record ReportResource(String issueId, long recipients, long sent, long failed, long skipped, long uncertain,
		long pending, long uniqueOpens, double openRate, long unsubscribes, double unsubscribeRate, long openEvents,
		Map<OpenClass, Long> openClasses) {

	static ReportResource of(IssueReport r) {
		return new ReportResource(r.issueId(), r.recipients(), r.sent(), r.failed(), r.skipped(), r.uncertain(),
				r.pending(), r.uniqueOpens(), r.openRate(), r.unsubscribes(), r.unsubscribeRate(), r.opens().events(),
				new TreeMap<>(r.opens().byClass()));
	}

}

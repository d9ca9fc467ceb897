package io.infolettre.newsletter.api;

import io.infolettre.newsletter.report.IssueReport;

/** An issue's figures; rates are fractions from 0 to 1. */
record ReportResource(String issueId, long recipients, long sent, long failed, long skipped, long uncertain,
		long pending, long uniqueOpens, double openRate, long unsubscribes, double unsubscribeRate) {

	static ReportResource of(IssueReport r) {
		return new ReportResource(r.issueId(), r.recipients(), r.sent(), r.failed(), r.skipped(), r.uncertain(),
				r.pending(), r.uniqueOpens(), r.openRate(), r.unsubscribes(), r.unsubscribeRate());
	}

}

package io.infolettre.newsletter.report;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;

import org.springframework.stereotype.Service;

/** Reports computed from the delivery ledger. */
@Service
public class IssueReports {

	private final IssueManagement issues;

	private final Deliveries deliveries;

	IssueReports(IssueManagement issues, Deliveries deliveries) {
		this.issues = issues;
		this.deliveries = deliveries;
	}

	/** @throws io.infolettre.newsletter.issue.IssueNotFoundException for an unknown issue */
	public IssueReport forIssue(String issueId) {
		return forIssue(this.issues.get(issueId));
	}

	/** The report of an issue already loaded. */
	public IssueReport forIssue(Issue issue) {
		String issueId = issue.getId();
		var p = this.deliveries.progress(issueId);
		return new IssueReport(issueId, p.total(), p.sent(), p.failed(), p.skipped(), p.pending() + p.sending(),
				p.opened(), p.unsubscribed(), p.failedTemporary(), p.failedPermanent(), p.uncertain(), p.rate(),
				this.deliveries.opens(issueId), this.deliveries.clicks(issueId));
	}

}

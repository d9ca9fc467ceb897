package io.infolettre.newsletter.api;

import java.io.IOException;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.DeliveryCsv;
import io.infolettre.newsletter.reconciliation.DeliveryFilter;
import io.infolettre.newsletter.reconciliation.Reconciliation;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who received an issue and who did not, and why: the ledger by group, as JSON pages or CSV. */
@RestController
@RequestMapping("/api/v1/issues/{id}")
@RequiresPermission(Permission.ISSUES_READ)
class DeliveryApiController {

	static final int MAX_PAGE_SIZE = 500;

	private final IssueManagement issues;

	private final IssueReports reports;

	private final Reconciliation reconciliation;

	private final DeliveryCsv csv;

	DeliveryApiController(IssueManagement issues, IssueReports reports, Reconciliation reconciliation,
			DeliveryCsv csv) {
		this.issues = issues;
		this.reports = reports;
		this.reconciliation = reconciliation;
		this.csv = csv;
	}

	@GetMapping("/deliveries")
	DeliveryPageResource list(@PathVariable String id, @RequestParam(defaultValue = "all") DeliveryFilter status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Issue issue = this.issues.get(id);
		int from = Math.max(0, page);
		int count = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		var items = this.reconciliation.page(id, status, from, count).stream().map(DeliveryResource::of).toList();
		return new DeliveryPageResource(id, status.param(), from, count, status.count(this.reports.forIssue(issue)),
				items);
	}

	@GetMapping("/deliveries.csv")
	void csv(@PathVariable String id, @RequestParam(defaultValue = "all") DeliveryFilter status,
			HttpServletResponse response) throws IOException {
		Issue issue = this.issues.get(id);
		this.csv.respond(id, issue.getTitle(), status, response);
	}

}

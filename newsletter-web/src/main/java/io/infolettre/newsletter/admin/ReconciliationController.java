package io.infolettre.newsletter.admin;

import java.io.IOException;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.DeliveryCsv;
import io.infolettre.newsletter.reconciliation.DeliveryFilter;
import io.infolettre.newsletter.reconciliation.Reconciliation;
import io.infolettre.newsletter.report.IssueReport;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Who did not receive an issue and why: its ledger entries by group, a page at a time, and as CSV. */
@Controller
@RequestMapping("/admin/issues/{id}")
@RequiresPermission(Permission.ISSUES_READ)
class ReconciliationController {

	static final int PAGE_SIZE = 50;

	private final IssueManagement issues;

	private final IssueReports reports;

	private final Reconciliation reconciliation;

	private final DeliveryCsv csv;

	ReconciliationController(IssueManagement issues, IssueReports reports, Reconciliation reconciliation,
			DeliveryCsv csv) {
		this.issues = issues;
		this.reports = reports;
		this.reconciliation = reconciliation;
		this.csv = csv;
	}

	@GetMapping("/deliveries")
	String deliveries(@PathVariable String id, @RequestParam(defaultValue = "undelivered") DeliveryFilter status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Issue issue = this.issues.get(id);
		IssueReport report = this.reports.forIssue(issue);
		int current = Math.max(0, page);
		long count = status.count(report);
		model.addAttribute("issue", issue);
		model.addAttribute("report", report);
		model.addAttribute("filters", DeliveryFilter.values());
		model.addAttribute("filter", status);
		model.addAttribute("rows", this.reconciliation.page(id, status, current, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("count", count);
		return "admin/deliveries";
	}

	@GetMapping("/deliveries.csv")
	void csv(@PathVariable String id, @RequestParam(defaultValue = "all") DeliveryFilter status,
			HttpServletResponse response) throws IOException {
		Issue issue = this.issues.get(id);
		this.csv.respond(id, issue.getTitle(), status, response);
	}

}

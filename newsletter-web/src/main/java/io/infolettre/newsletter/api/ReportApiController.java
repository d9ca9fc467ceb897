package io.infolettre.newsletter.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.TableCsv;
import io.infolettre.newsletter.report.Breakdown;
import io.infolettre.newsletter.report.BreakdownRow;
import io.infolettre.newsletter.report.Engagement;
import io.infolettre.newsletter.report.EngagementRow;
import io.infolettre.newsletter.report.InactiveSubscriber;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.report.IssueStatistics;
import io.infolettre.newsletter.report.LinkClicks;
import io.infolettre.newsletter.report.ReportTable;
import io.infolettre.newsletter.report.ReportTables;
import io.infolettre.newsletter.report.TimelinePoint;
import io.infolettre.newsletter.report.Trend;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports' tables as JSON, and each as CSV (UTF-8 with a byte order mark, French headers) under
 * the same path with {@code .csv}. The figures of an issue are at {@code /issues/{id}/report}
 * ({@link IssueApiController}).
 */
@RestController
@RequestMapping("/api/v1")
@RequiresPermission(Permission.REPORTS_READ)
class ReportApiController {

	private final IssueManagement issues;

	private final IssueReports reports;

	private final Engagement engagement;

	private final Subscribers subscribers;

	ReportApiController(IssueManagement issues, IssueReports reports, Engagement engagement,
			Subscribers subscribers) {
		this.issues = issues;
		this.reports = reports;
		this.engagement = engagement;
		this.subscribers = subscribers;
	}

	@GetMapping("/issues/{id}/report.csv")
	void figuresCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		Issue issue = this.issues.get(id);
		csv(ReportTables.figures(issue.getTitle(), this.reports.figures(issue)), response);
	}

	@GetMapping("/issues/{id}/report/links")
	List<LinkClicks> links(@PathVariable String id) {
		this.issues.get(id);
		return this.reports.links(id);
	}

	@GetMapping("/issues/{id}/report/links.csv")
	void linksCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		csv(ReportTables.links(this.issues.get(id).getTitle(), this.reports.links(id)), response);
	}

	@GetMapping("/issues/{id}/report/timeline")
	List<TimelinePoint> timeline(@PathVariable String id) {
		return this.reports.timeline(this.issues.get(id));
	}

	@GetMapping("/issues/{id}/report/timeline.csv")
	void timelineCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		Issue issue = this.issues.get(id);
		csv(ReportTables.timeline(issue.getTitle(), this.reports.timeline(issue)), response);
	}

	@GetMapping("/issues/{id}/report/breakdown")
	List<BreakdownRow> breakdown(@PathVariable String id, @RequestParam String by) {
		this.issues.get(id);
		return this.reports.breakdown(id, breakdownOf(by));
	}

	@GetMapping("/issues/{id}/report/breakdown.csv")
	void breakdownCsv(@PathVariable String id, @RequestParam String by, HttpServletResponse response)
			throws IOException {
		Breakdown breakdown = breakdownOf(by);
		csv(ReportTables.breakdown(this.issues.get(id).getTitle(), breakdown, this.reports.breakdown(id, breakdown)),
				response);
	}

	/** Recomputes the issue's report counters from its ledger and raw events. */
	@Audited(kind = AuditKind.ISSUE, action = "report.rebuild")
	@PostMapping("/issues/{id}/report/rebuild")
	IssueStatistics rebuild(@PathVariable String id) {
		return this.reports.rebuild(id);
	}

	@GetMapping("/reports/trend")
	TrendResource trend() {
		return TrendResource.of(this.reports.trend());
	}

	@GetMapping("/reports/trend.csv")
	void trendCsv(HttpServletResponse response) throws IOException {
		csv(ReportTables.trend(this.reports.trend()), response);
	}

	@GetMapping("/reports/inactive")
	@RequiresPermission(Permission.AUDIENCE_READ)
	List<InactiveSubscriber> inactive(@RequestParam(defaultValue = "3") int issues) {
		return this.engagement.inactiveFor(checkedIssues(issues));
	}

	@GetMapping("/reports/inactive.csv")
	@RequiresPermission(Permission.AUDIENCE_READ)
	void inactiveCsv(@RequestParam(defaultValue = "3") int issues, HttpServletResponse response) throws IOException {
		csv(ReportTables.inactive(issues, this.engagement.inactiveFor(checkedIssues(issues))), response);
	}

	@GetMapping("/subscribers/{id}/engagement")
	@RequiresPermission(Permission.AUDIENCE_READ)
	List<EngagementRow> engagement(@PathVariable String id) {
		checkIndividual();
		this.subscribers.findById(id).orElseThrow(() -> new SubscriberNotFound(id));
		return this.engagement.history(id);
	}

	@GetMapping("/subscribers/{id}/engagement.csv")
	@RequiresPermission(Permission.AUDIENCE_READ)
	void engagementCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		checkIndividual();
		var subscriber = this.subscribers.findById(id).orElseThrow(() -> new SubscriberNotFound(id));
		csv(ReportTables.engagement(subscriber.getEmail().value(), this.engagement.history(id)), response);
	}

	private int checkedIssues(int issues) {
		checkIndividual();
		if (issues < 1 || issues > 100) {
			throw new IllegalArgumentException("Le nombre de numéros doit aller de 1 à 100.");
		}
		return issues;
	}

	private void checkIndividual() {
		if (!this.engagement.available()) {
			throw new TrackingNotIndividual();
		}
	}

	private static Breakdown breakdownOf(String by) {
		return Breakdown.of(by)
			.orElseThrow(() -> new IllegalArgumentException(
					"Répartition inconnue : « " + by + " » (secteur, territoire, langue ou entreprise)."));
	}

	private static void csv(ReportTable table, HttpServletResponse response) throws IOException {
		TableCsv.respond(table.name(), table.header(), table.rows(), response);
	}

	@ExceptionHandler(IssueNotFoundException.class)
	ProblemDetail notFound(IssueNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Numéro introuvable", ex.getMessage());
	}

	@ExceptionHandler(SubscriberNotFound.class)
	ProblemDetail subscriberNotFound(SubscriberNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Abonné introuvable", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Requête invalide", ex.getMessage());
	}

	@ExceptionHandler(TrackingNotIndividual.class)
	ProblemDetail notIndividual() {
		return problem(HttpStatus.CONFLICT, "Suivi non individuel",
				"Le suivi n’est pas individuel (newsletter.tracking.mode) : aucune ouverture n’est liée à un abonné.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	static final class SubscriberNotFound extends RuntimeException {

		SubscriberNotFound(String id) {
			super("Aucun abonné " + id);
		}

	}

	static final class TrackingNotIndividual extends RuntimeException {

	}

	/** The sent issues' rates, oldest first, and the last one against the mean of the previous ones. */
	record TrendResource(List<TrendPointResource> issues, Double lastOpenRate, Double previousOpenRate,
			Double lastClickRate, Double previousClickRate) {

		static TrendResource of(Trend trend) {
			var points = trend.issues()
				.stream()
				.map(p -> new TrendPointResource(p.issueId(), p.title(), p.sentAt(), p.sent(), p.read(), p.clicked(),
						p.openRate(), p.clickRate(), p.clickToOpenRate()))
				.toList();
			if (!trend.comparable()) {
				return new TrendResource(points, null, null, null, null);
			}
			return new TrendResource(points, trend.last().openRate(), trend.previousOpenRate(),
					trend.last().clickRate(), trend.previousClickRate());
		}

	}

	record TrendPointResource(String issueId, String title, Instant sentAt, long sent, long uniqueOpens,
			long uniqueClicks, double openRate, double clickRate, double clickToOpenRate) {
	}

}

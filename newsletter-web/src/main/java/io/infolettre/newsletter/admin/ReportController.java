package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.TableCsv;
import io.infolettre.newsletter.report.Breakdown;
import io.infolettre.newsletter.report.BreakdownRow;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.report.ReportTable;
import io.infolettre.newsletter.report.ReportTables;
import io.infolettre.newsletter.report.TimelinePoint;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An issue's report: the figures (from the counters kept as events arrive: the page reads two
 * documents), the opens of the first seven days as a chart, the clicks per link; the breakdowns by
 * attribute come in afterwards (htmx), since they walk the ledger. Every table has its CSV.
 */
@Controller
@RequestMapping("/admin/issues/{id}/report")
@RequiresPermission(Permission.REPORTS_READ)
class ReportController {

	static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final IssueManagement issues;

	private final IssueReports reports;

	private final MessageSource messages;

	ReportController(IssueManagement issues, IssueReports reports, MessageSource messages) {
		this.issues = issues;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping
	String report(@PathVariable String id, Model model, Locale locale) {
		Issue issue = this.issues.get(id);
		model.addAttribute("issue", issue);
		var view = this.reports.view(issue);
		model.addAttribute("figures", view.figures());
		model.addAttribute("links", view.links());
		model.addAttribute("timelineChart", timelineChart(view.timeline(), locale));
		model.addAttribute("breakdowns", Breakdown.values());
		return "admin/report";
	}

	/** The breakdown by one attribute (a fragment the report page loads after itself). */
	@GetMapping("/breakdown")
	String breakdown(@PathVariable String id, @RequestParam(defaultValue = "secteur") String by, Model model) {
		Issue issue = this.issues.get(id);
		Breakdown breakdown = Breakdown.of(by).orElse(Breakdown.SECTOR);
		List<BreakdownRow> rows = this.reports.breakdown(id, breakdown);
		model.addAttribute("issue", issue);
		model.addAttribute("by", breakdown);
		model.addAttribute("rows", rows);
		model.addAttribute("breakdowns", Breakdown.values());
		if (breakdown == Breakdown.COMPANY) {
			model.addAttribute("readers", rows.stream().filter(r -> !r.value().isEmpty() && r.read() > 0).toList());
			model.addAttribute("nonReaders",
					rows.stream().filter(r -> !r.value().isEmpty() && r.read() == 0 && r.sent() > 0).toList());
		}
		return "admin/report :: breakdown";
	}

	@Audited(kind = AuditKind.ISSUE, action = "report.rebuild")
	@PostMapping("/rebuild")
	String rebuild(@PathVariable String id, RedirectAttributes redirect) {
		this.reports.rebuild(id);
		redirect.addFlashAttribute("notice", "report.rebuilt");
		return "redirect:/admin/issues/" + id + "/report";
	}

	@GetMapping("/figures.csv")
	void figuresCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		Issue issue = this.issues.get(id);
		csv(ReportTables.figures(issue.getTitle(), this.reports.figures(issue)), response);
	}

	@GetMapping("/links.csv")
	void linksCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		csv(ReportTables.links(this.issues.get(id).getTitle(), this.reports.links(id)), response);
	}

	@GetMapping("/timeline.csv")
	void timelineCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
		Issue issue = this.issues.get(id);
		csv(ReportTables.timeline(issue.getTitle(), this.reports.timeline(issue)), response);
	}

	@GetMapping("/breakdown.csv")
	void breakdownCsv(@PathVariable String id, @RequestParam(defaultValue = "secteur") String by,
			HttpServletResponse response) throws IOException {
		Breakdown breakdown = Breakdown.of(by).orElse(Breakdown.SECTOR);
		csv(ReportTables.breakdown(this.issues.get(id).getTitle(), breakdown, this.reports.breakdown(id, breakdown)),
				response);
	}

	@ExceptionHandler(IssueNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/not-found";
	}

	static void csv(ReportTable table, HttpServletResponse response) throws IOException {
		TableCsv.respond(table.name(), table.header(), table.rows(), response);
	}

	// labels in the association's time: "26 nov. 14 h" by the hour, "28 nov." by the day
	private String timelineChart(List<TimelinePoint> points, Locale locale) {
		boolean french = !"en".equals(locale.getLanguage());
		var hourly = DateTimeFormatter.ofPattern(french ? "d MMM H 'h'" : "MMM d, h a", locale);
		var daily = DateTimeFormatter.ofPattern(french ? "d MMM" : "MMM d", locale);
		List<String> labels = new ArrayList<>();
		List<Long> reads = new ArrayList<>();
		List<Long> cumulative = new ArrayList<>();
		for (TimelinePoint point : points) {
			labels.add((point.hourly() ? hourly : daily).format(point.from().atZone(ZONE)));
			reads.add(point.reads());
			cumulative.add(point.cumulative());
		}
		return chart("bar", labels, List.of(series(message("report.chart.reads", locale), reads, "bar", "y"),
				series(message("report.chart.cumulative", locale), cumulative, "line", "y1")));
	}

	static Map<String, Object> series(String label, List<? extends Number> data, String type, String axis) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", data);
		series.put("type", type);
		series.put("axis", axis);
		return series;
	}

	static String chart(String type, List<String> labels, List<Map<String, Object>> series) {
		return JSON.writeValueAsString(Map.of("type", type, "labels", labels, "series", series));
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}

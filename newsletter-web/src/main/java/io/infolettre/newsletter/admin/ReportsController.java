package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.report.Engagement;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.report.ReportTables;
import io.infolettre.newsletter.report.Trend;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports across issues: the trend of open and click rates per sent issue, the last issue against the
 * mean of the previous ones; and, in INDIVIDUAL tracking mode only, a subscriber's engagement and the
 * subscribers inactive for the last N issues.
 */
@Controller
@RequestMapping("/admin/reports")
@RequiresPermission(Permission.REPORTS_READ)
class ReportsController {

	private final IssueReports reports;

	private final Engagement engagement;

	private final Subscribers subscribers;

	private final MessageSource messages;

	ReportsController(IssueReports reports, Engagement engagement, Subscribers subscribers,
			MessageSource messages) {
		this.reports = reports;
		this.engagement = engagement;
		this.subscribers = subscribers;
		this.messages = messages;
	}

	@GetMapping
	String trend(Model model, Locale locale) {
		Trend trend = this.reports.trend();
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart", trendChart(trend, locale));
		model.addAttribute("engagementAvailable", this.engagement.available());
		return "admin/reports";
	}

	@GetMapping("/trend.csv")
	void trendCsv(HttpServletResponse response) throws IOException {
		ReportController.csv(ReportTables.trend(this.reports.trend()), response);
	}

	@GetMapping("/subscribers")
	@RequiresPermission(Permission.AUDIENCE_READ)
	String subscribers(@RequestParam(defaultValue = "3") int issues, @RequestParam(required = false) String email,
			Model model) {
		model.addAttribute("engagementAvailable", this.engagement.available());
		int count = Math.max(1, Math.min(100, issues));
		model.addAttribute("issues", count);
		model.addAttribute("email", email);
		if (!this.engagement.available()) {
			return "admin/report-subscribers";
		}
		model.addAttribute("inactive", this.engagement.inactiveFor(count));
		if (email != null && !email.isBlank()) {
			Optional<Subscriber> subscriber = find(email);
			model.addAttribute("subscriber", subscriber.orElse(null));
			subscriber.ifPresent(s -> model.addAttribute("history", this.engagement.history(s.getId())));
		}
		return "admin/report-subscribers";
	}

	@GetMapping("/inactive.csv")
	@RequiresPermission(Permission.AUDIENCE_READ)
	void inactiveCsv(@RequestParam(defaultValue = "3") int issues, HttpServletResponse response) throws IOException {
		available();
		int count = Math.max(1, Math.min(100, issues));
		ReportController.csv(ReportTables.inactive(count, this.engagement.inactiveFor(count)), response);
	}

	@GetMapping("/engagement.csv")
	@RequiresPermission(Permission.AUDIENCE_READ)
	void engagementCsv(@RequestParam String email, HttpServletResponse response) throws IOException {
		available();
		Subscriber subscriber = find(email).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ReportController.csv(
				ReportTables.engagement(subscriber.getEmail().value(), this.engagement.history(subscriber.getId())),
				response);
	}

	private void available() {
		if (!this.engagement.available()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
	}

	private Optional<Subscriber> find(String email) {
		return EmailAddress.parse(email).flatMap(this.subscribers::findByEmail);
	}

	private String trendChart(Trend trend, Locale locale) {
		var format = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		List<String> labels = trend.issues()
			.stream()
			.map(p -> p.title() + " (" + format.format(p.sentAt().atZone(ReportController.ZONE)) + ")")
			.toList();
		return ReportController.chart("line", labels, List.of(
				ReportController.series(this.messages.getMessage("report.openRate.human", null, locale),
						trend.issues().stream().map(p -> percent(p.openRate())).toList(), "line", "y"),
				ReportController.series(this.messages.getMessage("report.clickRate", null, locale),
						trend.issues().stream().map(p -> percent(p.clickRate())).toList(), "line", "y"),
				ReportController.series(this.messages.getMessage("report.clickToOpenRate", null, locale),
						trend.issues().stream().map(p -> percent(p.clickToOpenRate())).toList(), "line", "y")));
	}

	private static double percent(double rate) {
		return Math.round(rate * 1000) / 10.0;
	}

}

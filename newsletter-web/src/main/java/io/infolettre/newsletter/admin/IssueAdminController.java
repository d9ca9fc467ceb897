package io.infolettre.newsletter.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.composition.IssuePreflight;
import io.infolettre.newsletter.composition.IssuePreviews;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.DeliveryFilter;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.report.IssueReport;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Issues in the admin UI: list, detail with preview, audience, live progress and report. */
@Controller
@RequestMapping("/admin/issues")
@RequiresPermission(Permission.ISSUES_READ)
class IssueAdminController {

	private static final int PREVIEW_CHOICES = 50;

	private final Issues issues;

	private final IssueManagement management;

	private final IssueSending sending;

	private final IssuePreviews previews;

	private final IssueReports reports;

	private final Subscribers subscribers;

	private final SchedulePanel schedule;

	private final IssuePreflight checklist;

	private final Clock clock;

	private final SampleSubjects subjects;

	private final IssueReviewPanel review;

	private final CurrentActor actor;

	IssueAdminController(Issues issues, IssueManagement management, IssueSending sending, IssuePreviews previews,
			IssueReports reports, Subscribers subscribers, SchedulePanel schedule, IssuePreflight checklist,
			Clock clock, SampleSubjects subjects, IssueReviewPanel review, CurrentActor actor) {
		this.review = review;
		this.actor = actor;
		this.checklist = checklist;
		this.subjects = subjects;
		this.clock = clock;
		this.issues = issues;
		this.management = management;
		this.sending = sending;
		this.previews = previews;
		this.reports = reports;
		this.subscribers = subscribers;
		this.schedule = schedule;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("issues", this.issues.findAllByOrderByCreatedAtDesc());
		model.addAttribute("subjects", this.subjects);
		// the unsubscribe log's form: this month so far, by default
		LocalDate today = LocalDate.now(this.clock.withZone(SendTime.QUEBEC));
		model.addAttribute("logFrom", today.withDayOfMonth(1));
		model.addAttribute("logTo", today);
		return "admin/issues";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable String id, @RequestParam(required = false) String subscriber,
			@RequestParam(required = false) String variant, Locale locale, Model model) {
		Issue issue = this.management.get(id);
		addLive(model, issue, locale);
		this.schedule.addForm(model, issue, locale);
		model.addAttribute("audienceSize", this.sending.audienceSize(issue));
		model.addAttribute("filters", DeliveryFilter.values());
		model.addAttribute("previewSubscribers", this.subscribers.firstPage(PREVIEW_CHOICES));
		model.addAttribute("lists", this.subscribers.listNames());
		model.addAttribute("selectedSubscriber", subscriber);
		model.addAttribute("selectedVariant", blankToNull(variant));
		model.addAttribute("sender", issue.senderOr(this.management.senders()));
		model.addAttribute("versions", this.management.versions(id));
		model.addAttribute("subjects", this.subjects);
		this.review.addTo(model, issue, locale);
		if (issue.getStatus() == IssueStatus.DRAFT || issue.getStatus() == IssueStatus.FAILED
				|| issue.getStatus() == IssueStatus.MISSED) {
			// what scheduling or sending would check, before the coordinator tries
			model.addAttribute("preflight", this.checklist.check(issue));
		}
		try {
			RenderedMessage preview = this.previews.preview(id, subscriber, blankToNull(variant));
			model.addAttribute("previewSubject", preview.subject());
		}
		catch (TemplateProblem ex) {
			model.addAttribute("templateProblem", ex.getMessage());
		}
		return "admin/issue";
	}

	/**
	 * The live part of the issue page, polled while the issue is scheduled or being sent, or paused
	 * until it resumes by itself. Once the send stops (sent, paused, failed, cancelled) or resumes,
	 * or starts when the page was showing it not started ({@code started=false}: its schedule forms no
	 * longer apply), htmx reloads the whole page, whose buttons and reconciliation depend on the status.
	 */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestParam(defaultValue = "true") boolean started, @RequestParam(defaultValue = "false") boolean paused,
			Locale locale, Model model, HttpServletResponse response) {
		Issue issue = this.management.get(id);
		addLive(model, issue, locale);
		boolean startedSincePageShown = !started && issue.getSendingStartedAt() != null;
		boolean pausedOrResumedSincePageShown = paused != (issue.getStatus() == IssueStatus.PAUSED);
		if (htmx != null && (!isLive(issue) || startedSincePageShown || pausedOrResumedSincePageShown)) {
			response.setHeader("HX-Refresh", "true");
		}
		return "admin/issue :: live";
	}

	private void addLive(Model model, Issue issue, Locale locale) {
		IssueReport report = this.reports.forIssue(issue);
		model.addAttribute("issue", issue);
		model.addAttribute("schedule", this.schedule.summary(issue, locale));
		model.addAttribute("report", report);
		model.addAttribute("timeLeft", TimeLeft.format(report.secondsLeft()));
	}

	private static boolean isLive(Issue issue) {
		return issue.getStatus() == IssueStatus.SCHEDULED || issue.getStatus() == IssueStatus.SENDING
				|| (issue.getPauseCause() != null && issue.getPauseCause().resumesByItself());
	}

	@GetMapping(path = "/{id}/preview.html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> previewHtml(@PathVariable String id, @RequestParam(required = false) String subscriber,
			@RequestParam(required = false) String variant) {
		return preview(id, subscriber, variant, MediaType.TEXT_HTML, RenderedMessage::html);
	}

	@GetMapping(path = "/{id}/preview.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> previewText(@PathVariable String id, @RequestParam(required = false) String subscriber,
			@RequestParam(required = false) String variant) {
		return preview(id, subscriber, variant, MediaType.TEXT_PLAIN, RenderedMessage::text);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private ResponseEntity<String> preview(String id, String subscriber, String variant, MediaType type,
			Function<RenderedMessage, String> part) {
		try {
			return ResponseEntity.ok()
				.contentType(new MediaType(type, StandardCharsets.UTF_8))
				// the preview is the member's HTML: no scripts, no plugins, even if a template had some
				.header("Content-Security-Policy", RenderedMessage.WEB_POLICY)
				.body(part.apply(this.previews.preview(id, subscriber, blankToNull(variant))));
		}
		catch (TemplateProblem ex) {
			return ResponseEntity.unprocessableEntity()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(ex.getMessage());
		}
	}

	/**
	 * Chooses who a draft goes to: every active subscriber, the active members of one list, or those of
	 * a saved segment ({@code segment:<id>}).
	 */
	@Audited(kind = AuditKind.ISSUE, action = "issue.audience")
	@PostMapping("/{id}/audience")
	@RequiresPermission(Permission.ISSUES_EDIT)
	String audience(@PathVariable String id, @RequestParam(required = false) String list, RedirectAttributes redirect) {
		Issue issue = this.management.get(id);
		var audience = AudienceChoices.parse(list);
		try {
			this.management.editDraft(id, issue.getTitle(), issue.getContent(), audience, this.actor.get());
		}
		catch (IssueStateException | TemplateProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/issues/" + id;
	}

}

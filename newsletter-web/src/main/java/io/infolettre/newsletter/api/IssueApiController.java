package io.infolettre.newsletter.api;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.composition.IssuePreflight;
import io.infolettre.newsletter.composition.IssuePreviews;
import io.infolettre.newsletter.composition.PreflightReport;
import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.TestSends;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueSender;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.report.IssueFigures;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.Segments;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.Audited;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/issues")
@RequiresPermission(Permission.ISSUES_READ)
class IssueApiController {

	private final Issues issues;

	private final IssueManagement management;

	private final IssueSending sending;

	private final Deliveries deliveries;

	private final IssueReports reports;

	private final SchedulingSettings scheduling;

	private final Segments segments;

	private final IssuePreviews previews;

	private final IssuePreflight checklist;

	private final TestSends tests;

	private final CurrentActor actor;

	IssueApiController(Issues issues, IssueManagement management, IssueSending sending, Deliveries deliveries,
			IssueReports reports, SchedulingSettings scheduling, IssuePreviews previews, IssuePreflight checklist,
			TestSends tests, Segments segments, CurrentActor actor) {
		this.actor = actor;
		this.segments = segments;
		this.previews = previews;
		this.checklist = checklist;
		this.tests = tests;
		this.issues = issues;
		this.scheduling = scheduling;
		this.management = management;
		this.sending = sending;
		this.deliveries = deliveries;
		this.reports = reports;
	}

	@GetMapping
	List<IssueResource> list() {
		return this.issues.findAllByOrderByCreatedAtDesc()
			.stream()
			.map(issue -> resource(issue))
			.toList();
	}

	/**
	 * Creates a draft. 422 with the line and column when a variant does not render; the checklist
	 * (GET …/preflight) tells the rest before it is sent.
	 */
	@Audited(kind = AuditKind.ISSUE, action = "issue.create")
	@PostMapping
	@RequiresPermission(Permission.ISSUES_EDIT)
	ResponseEntity<IssueResource> create(@Valid @RequestBody NewIssueRequest request) {
		var audience = audience(request);
		var variants = request.variants() == null ? Map.<String, VariantRequest>of() : request.variants();
		var french = variants.containsKey("fr") ? variants.get("fr").toVariant("fr")
				: new IssueVariant(request.subject(), request.preheader(), request.body());
		var edit = edit(request.title(), request.template(), french, variants.get("en"), request.sender(),
				request.replyTo(), request.archived());
		var issue = this.management.create(edit, audience);
		return ResponseEntity.created(URI.create("/api/v1/issues/" + issue.getId())).body(resource(issue));
	}

	/** Replaces the editable parts of a draft (409 once it is not a draft); the previous ones go to its history. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.edit")
	@PutMapping("/{id}")
	@RequiresPermission(Permission.ISSUES_EDIT)
	IssueResource edit(@PathVariable String id, @Valid @RequestBody IssueEditRequest request) {
		var variants = request.variants() == null ? Map.<String, VariantRequest>of() : request.variants();
		if (!variants.containsKey("fr")) {
			throw new IllegalArgumentException("La variante française (variants.fr) est obligatoire.");
		}
		var edit = edit(request.title(), request.template(), variants.get("fr").toVariant("fr"), variants.get("en"),
				request.sender(), request.replyTo(), request.archived());
		return resource(this.management.revise(id, edit, this.actor.get()));
	}

	private IssueEdit edit(String title, String template, IssueVariant french, VariantRequest english, String sender,
			String replyTo, Boolean archived) {
		var senders = this.management.senders();
		IssueSender from = null;
		if (sender != null && !sender.isBlank()) {
			from = senders.find(sender)
				.orElseThrow(() -> new IllegalArgumentException("Expéditeur non autorisé : « " + sender.strip()
						+ " ». Expéditeurs possibles : " + senders.senders().stream().map(IssueSender::email).toList()));
		}
		var edit = new IssueEdit(title, template == null || template.isBlank() ? "infolettre" : template, french,
				english == null ? null : english.toVariant("en"), from, replyTo, archived == null || archived);
		// a variant that does not render is refused now, with where the problem is (422)
		for (String language : edit.english() == null ? List.of("fr") : List.of("fr", "en")) {
			this.previews.preview(edit, language, null);
		}
		return edit;
	}

	/** A new draft copied from this issue (« Copie de … »), whatever its status. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.duplicate", creates = true)
	@PostMapping("/{id}/duplicate")
	@RequiresPermission(Permission.ISSUES_EDIT)
	ResponseEntity<IssueResource> duplicate(@PathVariable String id) {
		var copy = this.management.duplicate(id);
		return ResponseEntity.created(URI.create("/api/v1/issues/" + copy.getId())).body(resource(copy));
	}

	/** The saved edits of the issue, newest first, each with the content before it. */
	@GetMapping("/{id}/versions")
	List<IssueVersionResource> versions(@PathVariable String id) {
		this.management.get(id);
		return this.management.versions(id).stream().map(IssueVersionResource::of).toList();
	}

	/**
	 * The issue as a member would receive it (a sample member without {@code subscriber}), in their
	 * language or the one asked for; 422 with the line and column when it does not render.
	 */
	@GetMapping("/{id}/preview")
	PreviewResource preview(@PathVariable String id, @RequestParam(required = false) String language,
			@RequestParam(required = false) String subscriber) {
		var issue = this.management.get(id);
		var rendered = this.previews.preview(id, subscriber, language);
		return new PreviewResource(issue.languageOf(language == null ? "fr" : language), rendered.subject(),
				rendered.html(), rendered.text());
	}

	/** The checklist before scheduling or sending: a failing item blocks both. */
	@GetMapping("/{id}/preflight")
	PreflightReport preflight(@PathVariable String id) {
		return this.checklist.check(id);
	}

	/** Sends a test (« [TEST] », untracked, in no ledger or report) to up to 5 addresses. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.testSend")
	@PostMapping("/{id}/test-send")
	@RequiresPermission(Permission.ISSUES_EDIT)
	Map<String, List<TestSends.TestSendResult>> testSend(@PathVariable String id,
			@RequestBody TestSendRequest request) {
		return Map.of("results", this.tests.send(id, request.addresses(), request.language()));
	}

	private IssueResource resource(Issue issue) {
		return IssueResource.of(issue, this.deliveries.progress(issue.getId()), this.management.senders());
	}

	// a segment is named by its id, and must exist when the draft is created
	private Audience audience(NewIssueRequest request) {
		boolean list = request.list() != null && !request.list().isBlank();
		boolean segment = request.segment() != null && !request.segment().isBlank();
		if (list && segment) {
			throw new IllegalArgumentException("Une audience est une liste ou un segment, pas les deux");
		}
		if (segment) {
			this.segments.find(request.segment())
				.orElseThrow(() -> new IllegalArgumentException("Segment introuvable : " + request.segment()));
			return Audience.segment(request.segment());
		}
		return list ? Audience.list(request.list()) : Audience.allActive();
	}

	@GetMapping("/{id}")
	IssueResource get(@PathVariable String id) {
		return resource(this.management.get(id));
	}

	/** Starts the send now; the response returns at once, progress is read from the issue. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.send")
	@PostMapping("/{id}/send")
	@RequiresPermission(Permission.ISSUES_SEND)
	ResponseEntity<IssueResource> send(@PathVariable String id) {
		var issue = this.sending.sendNow(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(resource(issue));
	}

	/**
	 * Schedules a draft (or a failed or missed send) at a date and time in a time zone (Quebec time by
	 * default), or moves a scheduled issue that has not started; the response says what daylight
	 * saving did to the time asked for. 400 when the time is past or the window invalid.
	 */
	@Audited(kind = AuditKind.ISSUE, action = "issue.schedule")
	@PutMapping("/{id}/schedule")
	@RequiresPermission(Permission.ISSUES_SEND)
	IssueResource schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest request) {
		ZoneId zone = this.scheduling.zone();
		var issue = this.sending.schedule(id, request.sendTime(zone), request.sendWindow(zone));
		return resource(issue);
	}

	/** Takes a scheduled issue that has not started (or a missed one) back to a draft. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.unschedule")
	@DeleteMapping("/{id}/schedule")
	@RequiresPermission(Permission.ISSUES_SEND)
	IssueResource unschedule(@PathVariable String id) {
		return resource(this.sending.unschedule(id));
	}

	/** Pauses a scheduled or running send between two messages. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.pause")
	@PostMapping("/{id}/pause")
	@RequiresPermission(Permission.ISSUES_EDIT)
	IssueResource pause(@PathVariable String id) {
		return resource(this.sending.pause(id));
	}

	/** Resumes a paused send where it stopped. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.resume")
	@PostMapping("/{id}/resume")
	@RequiresPermission(Permission.ISSUES_SEND)
	ResponseEntity<IssueResource> resume(@PathVariable String id) {
		var issue = this.sending.resume(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(resource(issue));
	}

	/** Cancels a send: those not reached yet never will be. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.cancel")
	@PostMapping("/{id}/cancel")
	@RequiresPermission(Permission.ISSUES_SEND)
	IssueResource cancel(@PathVariable String id) {
		return resource(this.sending.cancel(id));
	}

	/**
	 * Sends a sent issue again to those it did not reach (failed or uncertain); 422 when everyone
	 * received it.
	 */
	@Audited(kind = AuditKind.ISSUE, action = "issue.resend")
	@PostMapping("/{id}/resend")
	@RequiresPermission(Permission.ISSUES_SEND)
	ResponseEntity<IssueResource> resend(@PathVariable String id) {
		this.sending.resendUndelivered(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(resource(this.management.get(id)));
	}

	@GetMapping("/{id}/report")
	@RequiresPermission(Permission.REPORTS_READ)
	ReportResource report(@PathVariable String id) {
		return ReportResource.of(new IssueFigures(this.reports.forIssue(id), this.reports.statistics(id)));
	}

}

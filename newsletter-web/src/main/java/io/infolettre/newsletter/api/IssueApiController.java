package io.infolettre.newsletter.api;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.IssueSending;
import io.infolettre.newsletter.delivery.SchedulingSettings;
import io.infolettre.newsletter.issue.IssueContent;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.report.IssueReports;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.Segments;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/issues")
class IssueApiController {

	private final Issues issues;

	private final IssueManagement management;

	private final IssueSending sending;

	private final Deliveries deliveries;

	private final IssueReports reports;

	private final SchedulingSettings scheduling;

	private final Segments segments;

	IssueApiController(Issues issues, IssueManagement management, IssueSending sending, Deliveries deliveries,
			IssueReports reports, SchedulingSettings scheduling, Segments segments) {
		this.issues = issues;
		this.segments = segments;
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
			.map(issue -> IssueResource.of(issue, this.deliveries.progress(issue.getId())))
			.toList();
	}

	/** Creates a draft; its template is checked when it is sent (and previewed). */
	@PostMapping
	ResponseEntity<IssueResource> create(@Valid @RequestBody NewIssueRequest request) {
		var audience = audience(request);
		var content = new IssueContent(request.subject(), request.preheader(), request.body(),
				request.template() == null || request.template().isBlank() ? "infolettre" : request.template(),
				request.language());
		var issue = this.management.createDraft(request.title(), content, audience);
		return ResponseEntity.created(URI.create("/api/v1/issues/" + issue.getId()))
			.body(IssueResource.of(issue, this.deliveries.progress(issue.getId())));
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
		return IssueResource.of(this.management.get(id), this.deliveries.progress(id));
	}

	/** Starts the send now; the response returns at once, progress is read from the issue. */
	@PostMapping("/{id}/send")
	ResponseEntity<IssueResource> send(@PathVariable String id) {
		var issue = this.sending.sendNow(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(IssueResource.of(issue, this.deliveries.progress(id)));
	}

	/**
	 * Schedules a draft (or a failed or missed send) at a date and time in a time zone (Quebec time by
	 * default), or moves a scheduled issue that has not started; the response says what daylight
	 * saving did to the time asked for. 400 when the time is past or the window invalid.
	 */
	@PutMapping("/{id}/schedule")
	IssueResource schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest request) {
		ZoneId zone = this.scheduling.zone();
		var issue = this.sending.schedule(id, request.sendTime(zone), request.sendWindow(zone));
		return IssueResource.of(issue, this.deliveries.progress(id));
	}

	/** Takes a scheduled issue that has not started (or a missed one) back to a draft. */
	@DeleteMapping("/{id}/schedule")
	IssueResource unschedule(@PathVariable String id) {
		return IssueResource.of(this.sending.unschedule(id), this.deliveries.progress(id));
	}

	/** Pauses a scheduled or running send between two messages. */
	@PostMapping("/{id}/pause")
	IssueResource pause(@PathVariable String id) {
		return IssueResource.of(this.sending.pause(id), this.deliveries.progress(id));
	}

	/** Resumes a paused send where it stopped. */
	@PostMapping("/{id}/resume")
	ResponseEntity<IssueResource> resume(@PathVariable String id) {
		var issue = this.sending.resume(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(IssueResource.of(issue, this.deliveries.progress(id)));
	}

	/** Cancels a send: those not reached yet never will be. */
	@PostMapping("/{id}/cancel")
	IssueResource cancel(@PathVariable String id) {
		return IssueResource.of(this.sending.cancel(id), this.deliveries.progress(id));
	}

	/**
	 * Sends a sent issue again to those it did not reach (failed or uncertain); 422 when everyone
	 * received it.
	 */
	@PostMapping("/{id}/resend")
	ResponseEntity<IssueResource> resend(@PathVariable String id) {
		this.sending.resendUndelivered(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(IssueResource.of(this.management.get(id), this.deliveries.progress(id)));
	}

	@GetMapping("/{id}/report")
	ReportResource report(@PathVariable String id) {
		return ReportResource.of(this.reports.forIssue(id));
	}

}

package io.infolettre.newsletter.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import io.infolettre.newsletter.series.Series;
import io.infolettre.newsletter.series.SeriesManagement;
import io.infolettre.newsletter.series.SeriesMode;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recurring issues: a series makes its next issue from a model issue on each occurrence of its rule. */
@RestController
@RequestMapping("/api/v1/series")
@RequiresPermission(Permission.TEMPLATES_EDIT)
class SeriesApiController {

	private static final int UPCOMING = 12;

	private final SeriesManagement series;

	private final SchedulingSettings scheduling;

	private final Clock clock;

	SeriesApiController(SeriesManagement series, SchedulingSettings scheduling, Clock clock) {
		this.series = series;
		this.scheduling = scheduling;
		this.clock = clock;
	}

	@GetMapping
	@RequiresPermission(Permission.ISSUES_READ)
	List<SeriesResource> list() {
		return this.series.all().stream().map(this::resource).toList();
	}

	/** 400 when the rule cannot happen; 404 when the model issue does not exist. */
	@Audited(kind = AuditKind.SERIES, action = "series.create")
	@PostMapping
	ResponseEntity<SeriesResource> create(@Valid @RequestBody SeriesRequest request) {
		ZoneId zone = request.zone(this.scheduling.zone());
		Series created = this.series.create(request.name(), request.modelIssueId(),
				request.recurrence(zone, LocalDate.now(this.clock.withZone(zone))),
				request.mode() == null ? SeriesMode.DRAFT_FOR_REVIEW : request.mode(),
				request.leadDays() == null ? 7 : request.leadDays(),
				request.window() == null ? null : request.window().toWindow(zone));
		return ResponseEntity.created(URI.create("/api/v1/series/" + created.getId())).body(resource(created));
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.ISSUES_READ)
	SeriesResource get(@PathVariable String id) {
		return resource(this.series.get(id));
	}

	@Audited(kind = AuditKind.SERIES, action = "series.pause")
	@PostMapping("/{id}/pause")
	SeriesResource pause(@PathVariable String id) {
		return resource(this.series.pause(id));
	}

	/** Active again from the next occurrence still ahead. */
	@Audited(kind = AuditKind.SERIES, action = "series.activate")
	@PostMapping("/{id}/activate")
	SeriesResource activate(@PathVariable String id) {
		return resource(this.series.activate(id));
	}

	/** Ends the series; the issues it made stay. */
	@Audited(kind = AuditKind.SERIES, action = "series.delete")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.series.get(id);
		this.series.delete(id);
		return ResponseEntity.noContent().build();
	}

	private SeriesResource resource(Series series) {
		return SeriesResource.of(series, this.series.upcoming(series, UPCOMING));
	}

}

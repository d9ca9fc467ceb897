package io.infolettre.newsletter.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.audit.AuditLog;
import io.infolettre.newsletter.audit.AuditQuery;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.RequiresPermission;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit log, newest first: {@code person} (a person's id), {@code kind} ({@code ISSUE},
 * {@code SUBSCRIBER}…), {@code from} and {@code to} (a day in Quebec time, both included, or an
 * instant such as {@code 2026-12-08T14:00:00Z}, {@code to} excluded), {@code size} (at most 500) and
 * {@code after} (the {@code next} of the page before). Read only.
 */
@RestController
@RequestMapping("/api/v1/audit")
@RequiresPermission(Permission.AUDIT_READ)
class AuditApiController {

	static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private final AuditLog log;

	AuditApiController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	Page search(@RequestParam(required = false) String person, @RequestParam(required = false) AuditKind kind,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int size) {
		var query = new AuditQuery(person, kind, instant(from, "from", false), instant(to, "to", true));
		var page = this.log.search(query, after, size);
		return new Page(page.entries().stream().map(AuditEntryResource::of).toList(), page.next());
	}

	// a day starts at midnight in Quebec; a day given as the end of a period is included whole
	private static Instant instant(String value, String name, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (end ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"« " + name + " » : une date (2026-12-08) ou un instant (2026-12-08T14:00:00Z) est attendu.");
		}
	}

	/** A page of entries; {@code next} is null on the last one. */
	record Page(List<AuditEntryResource> entries, String next) {
	}

}

package io.infolettre.newsletter.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.series.CalendarEntry;
import io.infolettre.newsletter.series.SendCalendar;
import io.infolettre.newsletter.system.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sends to come, and the issues that missed their time while the application was down. */
@RestController
@RequestMapping("/api/v1/calendar")
@RequiresPermission(Permission.REPORTS_READ)
class CalendarApiController {

	private final SendCalendar calendar;

	CalendarApiController(SendCalendar calendar) {
		this.calendar = calendar;
	}

	/** @param days how far ahead (60 by default, at most 366) */
	@GetMapping
	CalendarResource calendar(@RequestParam(defaultValue = "60") int days) {
		int ahead = Math.max(1, Math.min(days, 366));
		return new CalendarResource(this.calendar.upcoming(Duration.ofDays(ahead)),
				this.calendar.missed().stream().map(issue -> new Missed(issue.getId(), issue.getTitle(),
						issue.getScheduledAt(), issue.getMissedAt())).toList());
	}

	record CalendarResource(List<CalendarEntry> upcoming, List<Missed> missed) {
	}

	record Missed(String id, String title, Instant scheduledAt, Instant missedAt) {
	}

}

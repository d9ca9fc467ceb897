package io.infolettre.newsletter.admin;

import java.time.Duration;
import java.util.Locale;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.series.SendCalendar;
import io.infolettre.newsletter.system.RequiresPermission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** « Calendrier »: the missed sends first, then the next 60 days of sends, week by week. */
@Controller
@RequestMapping("/admin/calendar")
@RequiresPermission(Permission.REPORTS_READ)
class CalendarController {

	static final Duration AHEAD = Duration.ofDays(60);

	private final SendCalendar calendar;

	private final ScheduleTexts texts;

	CalendarController(SendCalendar calendar, ScheduleTexts texts) {
		this.calendar = calendar;
		this.texts = texts;
	}

	@GetMapping
	String calendar(Locale locale, Model model) {
		model.addAttribute("missed", this.calendar.missed().stream().map(issue -> missed(issue, locale)).toList());
		model.addAttribute("weeks", CalendarTimeline.of(this.calendar.upcoming(AHEAD), this.texts, locale));
		model.addAttribute("daysAhead", AHEAD.toDays());
		model.addAttribute("zone", this.texts.zone(this.texts.defaultZone(), locale));
		return "admin/calendar";
	}

	private Missed missed(Issue issue, Locale locale) {
		var zone = issue.getSendTime() != null ? issue.getSendTime().zone() : this.texts.defaultZone();
		return new Missed(issue.getId(), issue.getTitle(),
				issue.dueAt() == null ? null : this.texts.at(issue.dueAt(), zone, locale));
	}

	/** A missed issue: its title and when it was due, in words. */
	record Missed(String id, String title, String due) {
	}

}

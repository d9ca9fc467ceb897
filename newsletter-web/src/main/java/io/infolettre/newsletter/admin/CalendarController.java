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

/**
 * « Calendrier »: the missed sends first, the drafts waiting for an approval, then the next 60 days of
 * sends, week by week (a draft waiting for an approval shows at the time its author wished).
 */
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
		model.addAttribute("awaiting",
				this.calendar.awaitingApproval().stream().map(issue -> awaiting(issue, locale)).toList());
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

	private Awaiting awaiting(Issue issue, Locale locale) {
		return new Awaiting(issue.getId(), issue.getTitle(),
				issue.getWishedSendTime() == null ? null : this.texts.at(issue.getWishedSendTime(), locale),
				issue.getReviewAuthorName());
	}

	/**
	 * A draft submitted for approval: its title, when its author wished it sent (in words, or null), who
	 * submitted it.
	 */
	record Awaiting(String id, String title, String wished, String author) {
	}

	/** A missed issue: its title and when it was due, in words. */
	record Missed(String id, String title, String due) {
	}

}

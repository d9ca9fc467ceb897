package io.infolettre.newsletter.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.PauseCause;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The scheduling part of the issue page: when a scheduled issue sends (and whether it waits for its
 * window), when a paused one resumes by itself (or tries the relay again), when a missed one was due;
 * and the form to schedule,
 * reschedule or unschedule it.
 */
@Component
class SchedulePanel {

	// a scheduled send this close to its time is polled as often as a running one
	private static final Duration SOON = Duration.ofMinutes(1);

	private final ScheduleTexts texts;

	private final MessageSource messages;

	private final Clock clock;

	SchedulePanel(ScheduleTexts texts, MessageSource messages, Clock clock) {
		this.texts = texts;
		this.messages = messages;
		this.clock = clock;
	}

	/** What the live part of the page shows, refreshed with it. */
	Summary summary(Issue issue, Locale locale) {
		ZoneId zone = zoneOf(issue);
		Instant now = this.clock.instant();
		Instant due = issue.dueAt();
		boolean notStarted = issue.getSendingStartedAt() == null;
		if (issue.getStatus() == IssueStatus.SCHEDULED && notStarted && due != null) {
			boolean chosen = issue.getSendTime() != null;
			String waits = due.isAfter(issue.getScheduledAt()) ? this.messages.getMessage("schedule.waitsForWindow",
					new Object[] { this.texts.at(issue.getScheduledAt(), zone, locale) }, locale) : null;
			return new Summary(chosen || waits != null ? this.texts.at(due, zone, locale) : null,
					chosen ? this.texts.adjustment(issue.getSendTime(), locale) : null,
					issue.getWindow() == null ? null : this.texts.window(issue.getWindow(), locale), waits, null, null,
					null, !due.isAfter(now.plus(SOON)), null);
		}
		if (issue.getPauseCause() == PauseCause.RELAY_UNAVAILABLE) {
			return new Summary(null, null, null, null, null, null, null, false,
					this.texts.at(issue.getResumeAt(), zone, locale));
		}
		if (issue.getStatus() == IssueStatus.PAUSED && issue.getResumeAt() != null) {
			return new Summary(null, null, issue.getWindow() == null ? null : this.texts.window(issue.getWindow(), locale),
					null, this.texts.at(issue.getResumeAt(), zone, locale), null, null, false, null);
		}
		if (issue.getStatus() == IssueStatus.MISSED) {
			return new Summary(null, null, null, null, null, due == null ? null : this.texts.at(due, zone, locale),
					issue.getMissedAt() == null ? null : this.texts.at(issue.getMissedAt(), zone, locale), false, null);
		}
		return new Summary(null, null, null, null, null, null, null, issue.getStatus() == IssueStatus.SENDING
				|| issue.getStatus() == IssueStatus.SCHEDULED, null);
	}

	/** The form, its choices, and whether the issue may be scheduled or unscheduled now. */
	void addForm(Model model, Issue issue, Locale locale) {
		IssueStatus status = issue.getStatus();
		boolean notStarted = issue.getSendingStartedAt() == null;
		boolean reschedulable = status == IssueStatus.SCHEDULED && notStarted;
		model.addAttribute("schedulable", status == IssueStatus.DRAFT || status == IssueStatus.FAILED
				|| status == IssueStatus.MISSED || reschedulable);
		model.addAttribute("rescheduling", reschedulable || status == IssueStatus.MISSED);
		model.addAttribute("unschedulable", reschedulable || status == IssueStatus.MISSED);
		LocalDate tomorrow = LocalDate.now(this.clock.withZone(this.texts.defaultZone())).plusDays(1);
		model.addAttribute("scheduleForm", ScheduleForm.of(issue, this.texts.defaultZone(), tomorrow));
		model.addAttribute("zones", this.texts.zoneChoices(locale));
		model.addAttribute("days", this.texts.dayChoices(locale));
	}

	private ZoneId zoneOf(Issue issue) {
		if (issue.getSendTime() != null) {
			return issue.getSendTime().zone();
		}
		return issue.getWindow() != null ? issue.getWindow().zone() : this.texts.defaultZone();
	}

	/**
	 * The sentences about an issue's time; each {@code null} when it does not apply.
	 *
	 * @param sendsAt when a scheduled issue goes out
	 * @param adjustment what daylight saving did to the time chosen
	 * @param window the days and hours it may send
	 * @param waitsForWindow that the time chosen falls outside the window
	 * @param resumesAt when a send paused at the end of its window resumes
	 * @param missedDue when a missed issue was due
	 * @param missedAt when it was found missed
	 * @param pollOften whether the page follows the send every second (it runs, or starts within a minute)
	 */
	/** @param relayRetryAt when the relay is tried again, for a send paused because it could not be reached */
	record Summary(String sendsAt, String adjustment, String window, String waitsForWindow, String resumesAt,
			String missedDue, String missedAt, boolean pollOften, String relayRetryAt) {
	}

}

package io.infolettre.newsletter.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;

/**
 * When an issue sends, as the API shows it.
 *
 * @param adjustment what daylight saving did to the time asked for: NONE, MOVED_FORWARD (it does not
 * exist that day), FIRST_OF_TWO (it happens twice)
 * @param dueAt when it is due: its time, or the next opening of its window after it
 * @param resumeAt when a send paused at the end of its window resumes by itself
 * @param missedAt when it was marked missed (its time passed while the application was down)
 */
record ScheduleResource(LocalDate date, LocalTime time, ZoneId zone, SendTime.Adjustment adjustment, Instant dueAt,
		Window window, Instant resumeAt, Instant missedAt) {

	record Window(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

		static Window of(SendWindow window) {
			return window == null ? null
					: new Window(new TreeSet<>(window.days()), window.opens(), window.closes(), window.zone());
		}

	}

	static ScheduleResource of(Issue issue) {
		SendTime time = issue.getSendTime();
		if (time == null && issue.getScheduledAt() == null && issue.getWindow() == null) {
			return null;
		}
		return new ScheduleResource(time == null ? null : time.date(), time == null ? null : time.time(),
				time == null ? null : time.zone(), time == null ? null : time.adjustment(), issue.dueAt(),
				Window.of(issue.getWindow()), issue.getResumeAt(), issue.getMissedAt());
	}

}

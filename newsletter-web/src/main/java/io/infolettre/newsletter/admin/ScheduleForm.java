package io.infolettre.newsletter.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The « Programmer l'envoi » form: a date and time in a zone, and an optional send window in the same
 * zone. Missing values are {@link FormProblem}s; the rules (a window opens before it closes, has a
 * day) are the domain's.
 *
 * @param window whether the window applies (its fields stay filled in when it does not)
 */
record ScheduleForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime time, ZoneId zone,
		Boolean window, Set<DayOfWeek> windowDays,
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime opens,
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime closes) {

	static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

	static final LocalTime WINDOW_OPENS = LocalTime.of(8, 0);

	static final LocalTime WINDOW_CLOSES = LocalTime.of(17, 0);

	ScheduleForm {
		windowDays = windowDays == null ? Set.of() : Set.copyOf(windowDays);
	}

	/**
	 * What the form shows for an issue: its own time (or the one its author wished for its review) and
	 * window when it has them (a missed issue keeps its time of day, on a day still to come), otherwise
	 * tomorrow at 9:00 in the default zone, and weekdays 8:00–17:00 ready but off.
	 */
	static ScheduleForm of(Issue issue, ZoneId defaultZone, LocalDate tomorrow) {
		// an approver schedules at the time the author wished, unless one was chosen since
		SendTime chosen = issue.getSendTime() != null ? issue.getSendTime() : issue.getWishedSendTime();
		SendWindow current = issue.getWindow();
		ZoneId zone = chosen != null ? chosen.zone() : defaultZone;
		LocalDate date = chosen != null && chosen.date().isAfter(tomorrow) ? chosen.date() : tomorrow;
		LocalTime time = chosen != null ? chosen.time() : DEFAULT_TIME;
		if (current == null) {
			return new ScheduleForm(date, time, zone, false, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
					WINDOW_OPENS, WINDOW_CLOSES);
		}
		return new ScheduleForm(date, time, zone, true, current.days(), current.opens(), current.closes());
	}

	SendTime sendTime() {
		if (this.date == null || this.time == null || this.zone == null) {
			throw new FormProblem("schedule.problem.dateTime");
		}
		return new SendTime(this.date, this.time, this.zone);
	}

	/** {@code null} when the window is off: the issue may send at any time. */
	SendWindow sendWindow() {
		return windowOf(Boolean.TRUE.equals(this.window), this.windowDays, this.opens, this.closes, this.zone);
	}

	/** Public: the form's template asks it. */
	public boolean hasWindowDay(String day) {
		return this.windowDays.contains(DayOfWeek.valueOf(day));
	}

	static SendWindow windowOf(boolean on, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {
		if (!on) {
			return null;
		}
		if (opens == null || closes == null) {
			throw new FormProblem("schedule.problem.window");
		}
		return new SendWindow(days, opens, closes, zone);
	}

}

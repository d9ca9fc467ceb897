package io.infolettre.newsletter.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.series.Recurrence;
import io.infolettre.newsletter.series.Recurrence.Frequency;
import io.infolettre.newsletter.series.SeriesMode;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The « Nouvelle série » form. The fields of every frequency are kept (the coordinator may switch
 * back); only the chosen frequency's are read. Missing values are {@link FormProblem}s; the rule's
 * limits (a day chosen, a day of the month from 1 to 31…) are the domain's.
 */
record SeriesForm(String name, String modelIssueId, Frequency frequency, Integer interval, Set<DayOfWeek> days,
		Integer dayOfMonth, Integer weekOfMonth, DayOfWeek dayOfWeek,
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime time, ZoneId zone,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn, SeriesMode mode, Integer leadDays,
		Boolean window, Set<DayOfWeek> windowDays,
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime opens,
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime closes) {

	SeriesForm {
		days = days == null ? Set.of() : Set.copyOf(days);
		windowDays = windowDays == null ? Set.of() : Set.copyOf(windowDays);
	}

	/** The second Tuesday of each month at 9:00, from today, as a draft made a week ahead. */
	static SeriesForm defaults(ZoneId zone, LocalDate today) {
		return new SeriesForm("", null, Frequency.MONTHLY_ON_WEEKDAY, 1, Set.of(DayOfWeek.TUESDAY), 15, 2,
				DayOfWeek.TUESDAY, ScheduleForm.DEFAULT_TIME, zone, today, SeriesMode.DRAFT_FOR_REVIEW, 7, false,
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), ScheduleForm.WINDOW_OPENS, ScheduleForm.WINDOW_CLOSES);
	}

	String model() {
		if (this.modelIssueId == null || this.modelIssueId.isBlank()) {
			throw new FormProblem("series.problem.model");
		}
		return this.modelIssueId;
	}

	Recurrence recurrence() {
		if (this.frequency == null) {
			throw new FormProblem("series.problem.frequency");
		}
		if (this.time == null || this.startsOn == null || this.zone == null) {
			throw new FormProblem("series.problem.time");
		}
		int every = orZero(this.interval);
		return switch (this.frequency) {
			case WEEKLY -> Recurrence.weekly(every, this.days, this.time, this.zone, this.startsOn);
			case MONTHLY_ON_DAY -> Recurrence.monthlyOnDay(every, orZero(this.dayOfMonth), this.time, this.zone,
					this.startsOn);
			case MONTHLY_ON_WEEKDAY -> Recurrence.monthlyOnWeekday(every, orZero(this.weekOfMonth), this.dayOfWeek,
					this.time, this.zone, this.startsOn);
		};
	}

	SeriesMode modeOrDefault() {
		return this.mode == null ? SeriesMode.DRAFT_FOR_REVIEW : this.mode;
	}

	int lead() {
		return orZero(this.leadDays);
	}

	/** {@code null} when the window is off; in the rule's zone. */
	SendWindow sendWindow() {
		return ScheduleForm.windowOf(Boolean.TRUE.equals(this.window), this.windowDays, this.opens, this.closes,
				this.zone);
	}

	/** Public: the form's template asks it. */
	public boolean hasDay(String day) {
		return this.days.contains(DayOfWeek.valueOf(day));
	}

	/** Public: the form's template asks it. */
	public boolean hasWindowDay(String day) {
		return this.windowDays.contains(DayOfWeek.valueOf(day));
	}

	// an empty number is 0, which the domain refuses in its own words where 0 is not allowed
	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

}

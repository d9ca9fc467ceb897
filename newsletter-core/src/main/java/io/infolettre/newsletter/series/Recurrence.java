package io.infolettre.newsletter.series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.infolettre.newsletter.issue.SendTime;

/**
 * A calendar rule, in wall-clock time in a time zone (each occurrence is then resolved as a
 * {@link SendTime}, daylight saving included):
 * <ul>
 * <li>{@link Frequency#WEEKLY}: every {@code interval} weeks on {@code days} (weeks counted from the
 * week of {@code startsOn});</li>
 * <li>{@link Frequency#MONTHLY_ON_DAY}: every {@code interval} months on day {@code dayOfMonth}, or
 * the month's last day when it is shorter (the 31st is April 30th);</li>
 * <li>{@link Frequency#MONTHLY_ON_WEEKDAY}: every {@code interval} months on the {@code weekOfMonth}th
 * {@code dayOfWeek} (1 to 4, or -1 for the last one): "the second Tuesday".</li>
 * </ul>
 * No occurrence falls before {@code startsOn}.
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> days, int dayOfMonth, int weekOfMonth,
		DayOfWeek dayOfWeek, LocalTime time, ZoneId zone, LocalDate startsOn) {

	public enum Frequency {

		WEEKLY, MONTHLY_ON_DAY, MONTHLY_ON_WEEKDAY

	}

	public Recurrence {
		Objects.requireNonNull(frequency, "frequency");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(startsOn, "startsOn");
		if (interval < 1 || interval > 52) {
			throw new IllegalArgumentException("L'intervalle doit être entre 1 et 52");
		}
		switch (frequency) {
			case WEEKLY -> {
				if (days == null || days.isEmpty()) {
					throw new IllegalArgumentException("Choisissez au moins un jour de la semaine");
				}
			}
			case MONTHLY_ON_DAY -> {
				if (dayOfMonth < 1 || dayOfMonth > 31) {
					throw new IllegalArgumentException("Le jour du mois doit être entre 1 et 31");
				}
			}
			case MONTHLY_ON_WEEKDAY -> {
				if (dayOfWeek == null || !(weekOfMonth == -1 || (weekOfMonth >= 1 && weekOfMonth <= 4))) {
					throw new IllegalArgumentException("Choisissez le jour (1er à 4e, ou dernier) et le jour de la semaine");
				}
			}
		}
		days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
	}

	public static Recurrence weekly(int interval, Set<DayOfWeek> days, LocalTime time, ZoneId zone, LocalDate startsOn) {
		return new Recurrence(Frequency.WEEKLY, interval, days, 0, 0, null, time, zone, startsOn);
	}

	public static Recurrence monthlyOnDay(int interval, int dayOfMonth, LocalTime time, ZoneId zone, LocalDate startsOn) {
		return new Recurrence(Frequency.MONTHLY_ON_DAY, interval, Set.of(), dayOfMonth, 0, null, time, zone, startsOn);
	}

	/** @param weekOfMonth 1 to 4, or -1 for the last one */
	public static Recurrence monthlyOnWeekday(int interval, int weekOfMonth, DayOfWeek dayOfWeek, LocalTime time,
			ZoneId zone, LocalDate startsOn) {
		return new Recurrence(Frequency.MONTHLY_ON_WEEKDAY, interval, Set.of(), 0, weekOfMonth, dayOfWeek, time, zone,
				startsOn);
	}

	/** The first occurrence strictly after {@code after} (wall-clock time in the rule's zone). */
	public LocalDateTime nextAfter(LocalDateTime after) {
		LocalDate from = after.toLocalDate().isBefore(this.startsOn) ? this.startsOn : after.toLocalDate();
		return switch (this.frequency) {
			case WEEKLY -> nextWeekly(from, after);
			case MONTHLY_ON_DAY, MONTHLY_ON_WEEKDAY -> nextMonthly(from, after);
		};
	}

	/** The next {@code count} occurrences after {@code after}, as send times. */
	public List<SendTime> occurrencesAfter(LocalDateTime after, int count) {
		List<SendTime> occurrences = new ArrayList<>(count);
		LocalDateTime cursor = after;
		for (int i = 0; i < count; i++) {
			cursor = nextAfter(cursor);
			occurrences.add(SendTime.of(cursor, this.zone));
		}
		return occurrences;
	}

	private LocalDateTime nextWeekly(LocalDate from, LocalDateTime after) {
		LocalDate anchorWeek = weekStart(this.startsOn);
		// at most interval weeks to reach a week of the rule, plus one to pass the current one
		for (LocalDate day = from; !day.isAfter(from.plusWeeks(this.interval + 1L)); day = day.plusDays(1)) {
			long weeks = ChronoUnit.WEEKS.between(anchorWeek, weekStart(day));
			LocalDateTime candidate = day.atTime(this.time);
			if (weeks % this.interval == 0 && this.days.contains(day.getDayOfWeek()) && candidate.isAfter(after)) {
				return candidate;
			}
		}
		throw new IllegalStateException("unreachable: a weekly rule has a day within interval + 1 weeks");
	}

	private LocalDateTime nextMonthly(LocalDate from, LocalDateTime after) {
		YearMonth anchor = YearMonth.from(this.startsOn);
		YearMonth month = YearMonth.from(from);
		for (int i = 0; i <= 2 * this.interval + 1; i++, month = month.plusMonths(1)) {
			if (ChronoUnit.MONTHS.between(anchor, month) % this.interval != 0) {
				continue;
			}
			LocalDate day = dayIn(month);
			LocalDateTime candidate = day.atTime(this.time);
			if (!day.isBefore(this.startsOn) && candidate.isAfter(after)) {
				return candidate;
			}
		}
		throw new IllegalStateException("unreachable: a monthly rule has a day within 2 intervals");
	}

	private LocalDate dayIn(YearMonth month) {
		if (this.frequency == Frequency.MONTHLY_ON_DAY) {
			return month.atDay(Math.min(this.dayOfMonth, month.lengthOfMonth()));
		}
		LocalDate first = month.atDay(1);
		return this.weekOfMonth == -1 ? first.with(TemporalAdjusters.lastInMonth(this.dayOfWeek))
				: first.with(TemporalAdjusters.dayOfWeekInMonth(this.weekOfMonth, this.dayOfWeek));
	}

	private static LocalDate weekStart(LocalDate day) {
		return day.with(WeekFields.ISO.dayOfWeek(), 1);
	}

}

package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A send time as the coordinator says it: a wall-clock date and time in a named time zone ("Tuesday
 * 9:00, Quebec time"). Daylight-saving transitions have one defined answer:
 * <ul>
 * <li>a time that does not exist (spring forward, 2:30 in Quebec) moves forward by the length of the
 * gap (3:30, daylight time);</li>
 * <li>a time that happens twice (fall back, 1:30) is the first one (1:30 daylight time, not the
 * standard-time 1:30 an hour later).</li>
 * </ul>
 */
public record SendTime(LocalDate date, LocalTime time, ZoneId zone) {

	/** Quebec's time zone in the tz database. */
	public static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

	public SendTime {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(zone, "zone");
	}

	public static SendTime of(LocalDateTime local, ZoneId zone) {
		return new SendTime(local.toLocalDate(), local.toLocalTime(), zone);
	}

	public LocalDateTime local() {
		return LocalDateTime.of(this.date, this.time);
	}

	public Instant instant() {
		// ZonedDateTime.of applies exactly the two rules above (gap: shifted forward; overlap: earlier offset)
		return ZonedDateTime.of(local(), this.zone).toInstant();
	}

	public Adjustment adjustment() {
		var rules = this.zone.getRules();
		var transition = rules.getTransition(local());
		if (transition == null) {
			return Adjustment.NONE;
		}
		return transition.isGap() ? Adjustment.MOVED_FORWARD : Adjustment.FIRST_OF_TWO;
	}

	/** What daylight saving did to the time asked for. */
	public enum Adjustment {

		/** The time exists once: sent exactly then. */
		NONE,

		/** The time does not exist that day (clocks jump forward): sent as much later as the jump. */
		MOVED_FORWARD,

		/** The time happens twice that day (clocks fall back): sent at the first one. */
		FIRST_OF_TWO

	}

}

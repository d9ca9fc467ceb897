package io.infolettre.newsletter.issue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When an issue may be sent: on these days, from {@code opens} to {@code closes}, in a time zone
 * (for example weekdays 8:00–17:00, Quebec time). A send outside the window waits for its next
 * opening; a send that reaches its end pauses and resumes at the next opening.
 */
public record SendWindow(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

	public SendWindow {
		Objects.requireNonNull(opens, "opens");
		Objects.requireNonNull(closes, "closes");
		Objects.requireNonNull(zone, "zone");
		if (days == null || days.isEmpty()) {
			throw new IllegalArgumentException("Une fenêtre d'envoi doit compter au moins un jour");
		}
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException(
					"La fenêtre d'envoi doit ouvrir avant de fermer (" + opens + " – " + closes + ")");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	public static SendWindow weekdays(LocalTime opens, LocalTime closes, ZoneId zone) {
		return new SendWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes, zone);
	}

	public boolean isOpen(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		return this.days.contains(local.getDayOfWeek()) && !local.toLocalTime().isBefore(this.opens)
				&& local.toLocalTime().isBefore(this.closes);
	}

	/** {@code at} itself when the window is open then, otherwise its next opening. */
	public Instant nextOpening(Instant at) {
		if (isOpen(at)) {
			return at;
		}
		LocalDate day = LocalDate.ofInstant(at, this.zone);
		for (int i = 0; i <= 7; i++) {
			LocalDate candidate = day.plusDays(i);
			if (this.days.contains(candidate.getDayOfWeek())) {
				Instant opening = ZonedDateTime.of(candidate, this.opens, this.zone).toInstant();
				if (opening.isAfter(at)) {
					return opening;
				}
			}
		}
		throw new IllegalStateException("unreachable: a window with days opens within a week");
	}

	/** When the window open at {@code at} closes. */
	public Instant closing(Instant at) {
		LocalDate day = LocalDate.ofInstant(at, this.zone);
		return ZonedDateTime.of(day, this.closes, this.zone).toInstant();
	}

}

package io.infolettre.newsletter.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.infolettre.newsletter.series.CalendarEntry;

/**
 * The sends to come as a timeline: weeks (from Monday), days, then each send at its time. Weeks and
 * days are those of the default zone (Quebec time); a send chosen in another zone shows its own date
 * and time, named.
 */
final class CalendarTimeline {

	private CalendarTimeline() {
	}

	/** @param entries in time order, as the calendar gives them */
	static List<Week> of(List<CalendarEntry> entries, ScheduleTexts texts, Locale locale) {
		ZoneId home = texts.defaultZone();
		TimeWords words = TimeWords.of(locale);
		Map<LocalDate, Map<LocalDate, List<Line>>> weeks = new LinkedHashMap<>();
		for (CalendarEntry entry : entries) {
			ZoneId zone = entry.time() != null ? entry.time().zone() : home;
			LocalDateTime local = LocalDateTime.ofInstant(entry.at(), zone);
			LocalDate day = LocalDate.ofInstant(entry.at(), home);
			boolean elsewhere = !zone.equals(home);
			// the time chosen, when the send goes then (not when it waits for its window)
			boolean asChosen = entry.time() != null && entry.time().instant().equals(entry.at());
			weeks.computeIfAbsent(day.with(DayOfWeek.MONDAY), monday -> new LinkedHashMap<>())
				.computeIfAbsent(day, d -> new ArrayList<>())
				.add(new Line(entry.kind(), elsewhere ? words.dateTime(local) : words.time(local.toLocalTime()),
						elsewhere ? texts.zone(zone, locale) : null, entry.title(), entry.issueId(), entry.seriesId(),
						asChosen ? texts.adjustment(entry.time(), locale) : null));
		}
		List<Week> timeline = new ArrayList<>();
		weeks.forEach((monday, days) -> {
			List<Day> inWeek = new ArrayList<>();
			days.forEach((day, lines) -> inWeek.add(new Day(day.toString(), words.dayAndDate(day), lines)));
			timeline.add(new Week(words.date(monday), inWeek));
		});
		return timeline;
	}

	/** @param monday the week's Monday, in words */
	record Week(String monday, List<Day> days) {
	}

	/** @param date ISO date, for anchors and tests */
	record Day(String date, String title, List<Line> lines) {
	}

	/**
	 * @param time the time in the default zone, or the date and time in {@code zone} when it is another
	 * @param zone the zone's name when it is not the default one
	 * @param adjustment what daylight saving did to the time chosen, if anything
	 */
	record Line(CalendarEntry.Kind kind, String time, String zone, String title, String issueId, String seriesId,
			String adjustment) {
	}

}

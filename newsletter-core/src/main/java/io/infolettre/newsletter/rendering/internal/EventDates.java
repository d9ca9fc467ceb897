package io.infolettre.newsletter.rendering.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date and time of an event block as a reader of each language writes them, in Quebec time
 * (the times are typed and stored as Quebec wall-clock times): « jeudi 21 janvier 2027, 17 h » and
 * "Thursday, January 21, 2027, 5:00 p.m.".
 */
final class EventDates {

	private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
			Locale.CANADA_FRENCH);

	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy",
			Locale.CANADA);

	private EventDates() {
	}

	/** @param end {@code null} when the event has no end time */
	static String format(LocalDateTime start, LocalDateTime end, String language) {
		boolean english = "en".equals(language);
		String from = day(start, english) + ", " + time(start, english);
		if (end == null) {
			return from;
		}
		if (end.toLocalDate().equals(start.toLocalDate())) {
			return from + (english ? " to " : " à ") + time(end, english);
		}
		String to = day(end, english) + ", " + time(end, english);
		return english ? from + " to " + to : "du " + from + " au " + to;
	}

	private static String day(LocalDateTime at, boolean english) {
		if (english) {
			return ENGLISH_DAY.format(at);
		}
		String day = FRENCH_DAY.format(at);
		// the first of the month is « 1er » in French
		return at.getDayOfMonth() == 1 ? day.replaceFirst(" 1 ", " 1er ") : day;
	}

	private static String time(LocalDateTime at, boolean english) {
		int hour = at.getHour();
		int minute = at.getMinute();
		if (english) {
			int twelve = hour % 12 == 0 ? 12 : hour % 12;
			return twelve + ":" + (minute < 10 ? "0" : "") + minute + (hour < 12 ? " a.m." : " p.m.");
		}
		return hour + " h" + (minute == 0 ? "" : " " + (minute < 10 ? "0" : "") + minute);
	}

}

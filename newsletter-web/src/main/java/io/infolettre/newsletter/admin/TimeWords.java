package io.infolettre.newsletter.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.infolettre.newsletter.issue.SendWindow;

/**
 * Dates, times and days as a coordinator says them: « dimanche 14 mars 2027 à 3 h 30 », « le 1er
 * mars », « du lundi au vendredi »; in English « Sunday, March 14, 2027 at 3:30 a.m. ». French is
 * the default; any other language gets English. The grammar lives here rather than in the message
 * files because it depends on the values (1er, plurals, lists).
 */
final class TimeWords {

	private static final Locale FRENCH = Locale.CANADA_FRENCH;

	private static final Locale ENGLISH = Locale.CANADA;

	private static final DateTimeFormatter FRENCH_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", ENGLISH);

	private final boolean french;

	private TimeWords(boolean french) {
		this.french = french;
	}

	static TimeWords of(Locale locale) {
		return new TimeWords(locale == null || "fr".equals(locale.getLanguage()));
	}

	boolean french() {
		return this.french;
	}

	/** « 9 h 00 », « 14 h 30 »; « 9:00 a.m. », « 2:30 p.m. ». */
	String time(LocalTime time) {
		if (this.french) {
			return "%d h %02d".formatted(time.getHour(), time.getMinute());
		}
		int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
		return "%d:%02d %s".formatted(hour, time.getMinute(), time.getHour() < 12 ? "a.m." : "p.m.");
	}

	/** « 14 mars 2027 », « 1er mars 2027 »; « March 14, 2027 ». */
	String date(LocalDate date) {
		return this.french ? dayOfMonth(date.getDayOfMonth()) + " " + FRENCH_MONTH_YEAR.format(date)
				: ENGLISH_DATE.format(date);
	}

	/** « dimanche 14 mars 2027 »; « Sunday, March 14, 2027 ». */
	String dayAndDate(LocalDate date) {
		return dayName(date.getDayOfWeek()) + (this.french ? " " : ", ") + date(date);
	}

	/** « dimanche 14 mars 2027 à 3 h 30 »; « Sunday, March 14, 2027 at 3:30 a.m. ». */
	String dateTime(LocalDateTime local) {
		return dayAndDate(local.toLocalDate()) + (this.french ? " à " : " at ") + time(local.toLocalTime());
	}

	/** « mardi »; « Tuesday ». */
	String dayName(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, this.french ? FRENCH : ENGLISH);
	}

	/** « 1er », « 15 »; « 1st », « 15th ». */
	String dayOfMonth(int day) {
		if (this.french) {
			return day == 1 ? "1er" : String.valueOf(day);
		}
		int lastTwo = day % 100;
		String suffix = (lastTwo >= 11 && lastTwo <= 13) ? "th" : switch (day % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return day + suffix;
	}

	/**
	 * « le mardi et le jeudi », « du lundi au vendredi » (three days or more in a row), « tous les
	 * jours »; « on Tuesday and Thursday », « from Monday to Friday », « every day ».
	 */
	String days(Set<DayOfWeek> days) {
		List<DayOfWeek> sorted = EnumSet.copyOf(days).stream().toList();
		if (sorted.size() == 7) {
			return this.french ? "tous les jours" : "every day";
		}
		DayOfWeek first = sorted.get(0);
		DayOfWeek last = sorted.get(sorted.size() - 1);
		if (sorted.size() >= 3 && last.getValue() - first.getValue() == sorted.size() - 1) {
			return this.french ? "du " + dayName(first) + " au " + dayName(last)
					: "from " + dayName(first) + " to " + dayName(last);
		}
		List<String> names = sorted.stream().map(day -> (this.french ? "le " : "") + dayName(day)).toList();
		return (this.french ? "" : "on ") + list(names);
	}

	/** « du lundi au vendredi, de 8 h 00 à 17 h 00 »; « from Monday to Friday, 8:00 a.m. to 5:00 p.m. ». */
	String window(SendWindow window) {
		return days(window.days()) + (this.french ? ", de " : ", ") + time(window.opens())
				+ (this.french ? " à " : " to ") + time(window.closes());
	}

	/** « a, b et c »; « a, b and c ». */
	String list(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + (this.french ? " et " : " and ")
				+ items.get(items.size() - 1);
	}

}

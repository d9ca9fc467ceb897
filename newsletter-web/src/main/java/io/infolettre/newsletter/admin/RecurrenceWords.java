package io.infolettre.newsletter.admin;

import java.util.Locale;

import io.infolettre.newsletter.series.Recurrence;

/**
 * A series' rule in words: « le 2e mardi de chaque mois à 9 h 00 », « toutes les 2 semaines le mardi
 * et le jeudi à 9 h 00 »; « on the second Tuesday of every month at 9:00 a.m. ». The time zone is
 * left to the caller, which names it from the message files.
 */
final class RecurrenceWords {

	private static final String[] FRENCH_WEEKS = { "1er", "2e", "3e", "4e" };

	private static final String[] ENGLISH_WEEKS = { "first", "second", "third", "fourth" };

	// from the 29th, some months are shorter: the rule then falls on their last day
	private static final int LONGEST_IN_EVERY_MONTH = 28;

	private RecurrenceWords() {
	}

	static String describe(Recurrence rule, Locale locale) {
		TimeWords words = TimeWords.of(locale);
		return words.french() ? french(rule, words) : english(rule, words);
	}

	private static String french(Recurrence rule, TimeWords words) {
		String at = " à " + words.time(rule.time());
		int every = rule.interval();
		String months = every == 1 ? " de chaque mois" : " du mois, tous les " + every + " mois,";
		return switch (rule.frequency()) {
			case WEEKLY -> (every == 1 ? "chaque semaine " : "toutes les " + every + " semaines ")
					+ words.days(rule.days()) + at;
			case MONTHLY_ON_DAY -> "le " + words.dayOfMonth(rule.dayOfMonth()) + months + at
					+ (rule.dayOfMonth() > LONGEST_IN_EVERY_MONTH ? " (le dernier jour des mois plus courts)" : "");
			case MONTHLY_ON_WEEKDAY -> "le " + week(rule.weekOfMonth(), FRENCH_WEEKS, "dernier") + " "
					+ words.dayName(rule.dayOfWeek()) + months + at;
		};
	}

	private static String english(Recurrence rule, TimeWords words) {
		String at = " at " + words.time(rule.time());
		int every = rule.interval();
		String months = every == 1 ? " of every month" : " of the month, every " + every + " months,";
		return switch (rule.frequency()) {
			case WEEKLY -> (every == 1 ? "every week " : "every " + every + " weeks ") + words.days(rule.days()) + at;
			case MONTHLY_ON_DAY -> "on the " + words.dayOfMonth(rule.dayOfMonth()) + months + at
					+ (rule.dayOfMonth() > LONGEST_IN_EVERY_MONTH ? " (the last day in shorter months)" : "");
			case MONTHLY_ON_WEEKDAY -> "on the " + week(rule.weekOfMonth(), ENGLISH_WEEKS, "last") + " "
					+ words.dayName(rule.dayOfWeek()) + months + at;
		};
	}

	private static String week(int weekOfMonth, String[] ordinals, String last) {
		return weekOfMonth == -1 ? last : ordinals[weekOfMonth - 1];
	}

}

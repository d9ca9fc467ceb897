package io.infolettre.newsletter.admin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.series.Recurrence;
import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceWordsTests {

	private static final LocalTime NINE = LocalTime.of(9, 0);

	private static final LocalDate START = LocalDate.of(2027, 1, 4);

	@Test
	void monthlyOnAWeekdayNamesItsRankInTheMonth() {
		assertThat(french(Recurrence.monthlyOnWeekday(1, 2, TUESDAY, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("le 2e mardi de chaque mois à 9 h 00");
		assertThat(french(Recurrence.monthlyOnWeekday(1, 1, MONDAY, LocalTime.of(14, 30), SendTime.QUEBEC, START)))
			.isEqualTo("le 1er lundi de chaque mois à 14 h 30");
		assertThat(french(Recurrence.monthlyOnWeekday(1, -1, FRIDAY, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("le dernier vendredi de chaque mois à 9 h 00");
		assertThat(french(Recurrence.monthlyOnWeekday(3, 4, THURSDAY, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("le 4e jeudi du mois, tous les 3 mois, à 9 h 00");

		assertThat(english(Recurrence.monthlyOnWeekday(1, 2, TUESDAY, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("on the second Tuesday of every month at 9:00 a.m.");
		assertThat(english(Recurrence.monthlyOnWeekday(2, -1, FRIDAY, LocalTime.of(16, 5), SendTime.QUEBEC, START)))
			.isEqualTo("on the last Friday of the month, every 2 months, at 4:05 p.m.");
	}

	@Test
	void weeklyListsItsDays() {
		assertThat(french(Recurrence.weekly(2, Set.of(THURSDAY, TUESDAY), NINE, SendTime.QUEBEC, START)))
			.isEqualTo("toutes les 2 semaines le mardi et le jeudi à 9 h 00");
		assertThat(french(Recurrence.weekly(1, Set.of(WEDNESDAY), LocalTime.of(7, 5), SendTime.QUEBEC, START)))
			.isEqualTo("chaque semaine le mercredi à 7 h 05");
		assertThat(french(Recurrence.weekly(1, Set.of(MONDAY, WEDNESDAY, FRIDAY), NINE, SendTime.QUEBEC, START)))
			.isEqualTo("chaque semaine le lundi, le mercredi et le vendredi à 9 h 00");
		assertThat(french(Recurrence.weekly(1, EnumSet.range(MONDAY, FRIDAY), NINE, SendTime.QUEBEC, START)))
			.isEqualTo("chaque semaine du lundi au vendredi à 9 h 00");
		assertThat(french(Recurrence.weekly(1, EnumSet.allOf(DayOfWeek.class), NINE, SendTime.QUEBEC, START)))
			.isEqualTo("chaque semaine tous les jours à 9 h 00");

		assertThat(english(Recurrence.weekly(2, Set.of(THURSDAY, TUESDAY), NINE, SendTime.QUEBEC, START)))
			.isEqualTo("every 2 weeks on Tuesday and Thursday at 9:00 a.m.");
		assertThat(english(Recurrence.weekly(1, EnumSet.range(MONDAY, FRIDAY), LocalTime.NOON, SendTime.QUEBEC, START)))
			.isEqualTo("every week from Monday to Friday at 12:00 p.m.");
	}

	@Test
	void monthlyOnADaySaysWhatShorterMonthsDo() {
		assertThat(french(Recurrence.monthlyOnDay(1, 15, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("le 15 de chaque mois à 9 h 00");
		assertThat(french(Recurrence.monthlyOnDay(1, 1, LocalTime.MIDNIGHT, SendTime.QUEBEC, START)))
			.isEqualTo("le 1er de chaque mois à 0 h 00");
		assertThat(french(Recurrence.monthlyOnDay(2, 15, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("le 15 du mois, tous les 2 mois, à 9 h 00");
		assertThat(french(Recurrence.monthlyOnDay(1, 31, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("le 31 de chaque mois à 9 h 00 (le dernier jour des mois plus courts)");

		assertThat(english(Recurrence.monthlyOnDay(1, 15, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("on the 15th of every month at 9:00 a.m.");
		assertThat(english(Recurrence.monthlyOnDay(1, 1, LocalTime.MIDNIGHT, SendTime.QUEBEC, START)))
			.isEqualTo("on the 1st of every month at 12:00 a.m.");
		assertThat(english(Recurrence.monthlyOnDay(1, 22, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("on the 22nd of every month at 9:00 a.m.");
		assertThat(english(Recurrence.monthlyOnDay(1, 30, NINE, SendTime.QUEBEC, START)))
			.isEqualTo("on the 30th of every month at 9:00 a.m. (the last day in shorter months)");
	}

	private static String french(Recurrence rule) {
		return RecurrenceWords.describe(rule, Locale.CANADA_FRENCH);
	}

	private static String english(Recurrence rule) {
		return RecurrenceWords.describe(rule, Locale.ENGLISH);
	}

}

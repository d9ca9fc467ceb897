package io.infolettre.newsletter.admin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;
import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class TimeWordsTests {

	private final TimeWords french = TimeWords.of(Locale.CANADA_FRENCH);

	private final TimeWords english = TimeWords.of(Locale.ENGLISH);

	@Test
	void datesAndTimesReadAsTheyAreSaid() {
		var springForward = LocalDateTime.of(2027, 3, 14, 3, 30);
		assertThat(this.french.dateTime(springForward)).isEqualTo("dimanche 14 mars 2027 à 3 h 30");
		assertThat(this.english.dateTime(springForward)).isEqualTo("Sunday, March 14, 2027 at 3:30 a.m.");
		assertThat(this.french.date(LocalDate.of(2027, 3, 1))).isEqualTo("1er mars 2027");
		assertThat(this.french.dayAndDate(LocalDate.of(2027, 8, 1))).isEqualTo("dimanche 1er août 2027");
		assertThat(this.french.time(LocalTime.of(17, 0))).isEqualTo("17 h 00");
		assertThat(this.english.time(LocalTime.of(17, 0))).isEqualTo("5:00 p.m.");
		assertThat(this.english.time(LocalTime.of(0, 15))).isEqualTo("12:15 a.m.");
	}

	@Test
	void windowsNameTheirDaysAndHours() {
		var weekdays = SendWindow.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0), SendTime.QUEBEC);
		assertThat(this.french.window(weekdays)).isEqualTo("du lundi au vendredi, de 8 h 00 à 17 h 00");
		assertThat(this.english.window(weekdays)).isEqualTo("from Monday to Friday, 8:00 a.m. to 5:00 p.m.");

		var weekend = new SendWindow(Set.of(SUNDAY, SATURDAY), LocalTime.of(10, 0), LocalTime.of(12, 30), SendTime.QUEBEC);
		assertThat(this.french.window(weekend)).isEqualTo("le samedi et le dimanche, de 10 h 00 à 12 h 30");
		assertThat(this.english.window(weekend)).isEqualTo("on Saturday and Sunday, 10:00 a.m. to 12:30 p.m.");

		// three days not in a row are listed, not spanned
		assertThat(this.french.days(EnumSet.of(MONDAY, WEDNESDAY, FRIDAY))).isEqualTo("le lundi, le mercredi et le vendredi");
		assertThat(this.english.list(List.of("a"))).isEqualTo("a");
	}

}

package io.infolettre.newsletter.rendering.internal;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventDatesTests {

	private static LocalDateTime at(String iso) {
		return LocalDateTime.parse(iso);
	}

	@Test
	void frenchWritesTheDayOutAndHoursTheQuebecWay() {
		assertThat(EventDates.format(at("2027-01-21T17:00"), null, "fr")).isEqualTo("jeudi 21 janvier 2027, 17 h");
		assertThat(EventDates.format(at("2027-01-21T09:05"), at("2027-01-21T12:30"), "fr"))
			.isEqualTo("jeudi 21 janvier 2027, 9 h 05 à 12 h 30");
		assertThat(EventDates.format(at("2027-02-01T00:00"), null, "fr")).isEqualTo("lundi 1er février 2027, 0 h");
		assertThat(EventDates.format(at("2027-01-21T17:00"), at("2027-01-22T12:00"), "fr"))
			.isEqualTo("du jeudi 21 janvier 2027, 17 h au vendredi 22 janvier 2027, 12 h");
	}

	@Test
	void englishWritesTheMonthFirstAndTwelveHourTimes() {
		assertThat(EventDates.format(at("2027-01-21T17:00"), null, "en")).isEqualTo("Thursday, January 21, 2027, 5:00 p.m.");
		assertThat(EventDates.format(at("2027-01-21T09:05"), at("2027-01-21T12:00"), "en"))
			.isEqualTo("Thursday, January 21, 2027, 9:05 a.m. to 12:00 p.m.");
		assertThat(EventDates.format(at("2027-01-22T00:30"), null, "en")).isEqualTo("Friday, January 22, 2027, 12:30 a.m.");
		assertThat(EventDates.format(at("2027-01-21T17:00"), at("2027-01-22T12:00"), "en"))
			.isEqualTo("Thursday, January 21, 2027, 5:00 p.m. to Friday, January 22, 2027, 12:00 p.m.");
	}

}

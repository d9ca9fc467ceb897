package io.infolettre.newsletter.series;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import io.infolettre.newsletter.issue.SendTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecurrenceTests {

	private static final LocalTime NINE = LocalTime.of(9, 0);

	@Test
	void theSecondTuesdayOfEachMonthForAYear() {
		var rule = Recurrence.monthlyOnWeekday(1, 2, DayOfWeek.TUESDAY, NINE, SendTime.QUEBEC, LocalDate.parse("2027-01-01"));

		List<SendTime> year = rule.occurrencesAfter(LocalDateTime.parse("2027-01-01T00:00"), 12);

		assertThat(year).extracting(SendTime::date)
			.extracting(LocalDate::toString)
			.containsExactly("2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13", "2027-05-11", "2027-06-08",
					"2027-07-13", "2027-08-10", "2027-09-14", "2027-10-12", "2027-11-09", "2027-12-14");
		assertThat(year).allSatisfy(time -> assertThat(time.time()).isEqualTo(NINE));
		// 9:00 Quebec time is 14:00 UTC in winter and 13:00 UTC in summer
		assertThat(year.get(2).instant()).as("March 9, before the change").isEqualTo(Instant.parse("2027-03-09T14:00:00Z"));
		assertThat(year.get(3).instant()).isEqualTo(Instant.parse("2027-04-13T13:00:00Z"));
		assertThat(year.get(10).instant()).as("November 9, after it").isEqualTo(Instant.parse("2027-11-09T14:00:00Z"));
	}

	@Test
	void theLastFridayOfEveryOtherMonth() {
		var rule = Recurrence.monthlyOnWeekday(2, -1, DayOfWeek.FRIDAY, NINE, SendTime.QUEBEC, LocalDate.parse("2027-01-01"));

		assertThat(rule.occurrencesAfter(LocalDateTime.parse("2027-01-01T00:00"), 4)).extracting(SendTime::date)
			.extracting(LocalDate::toString)
			.containsExactly("2027-01-29", "2027-03-26", "2027-05-28", "2027-07-30");
	}

	@Test
	void theThirtyFirstIsTheLastDayOfShorterMonths() {
		var rule = Recurrence.monthlyOnDay(1, 31, NINE, SendTime.QUEBEC, LocalDate.parse("2027-01-01"));

		assertThat(rule.occurrencesAfter(LocalDateTime.parse("2027-01-01T00:00"), 4)).extracting(SendTime::date)
			.extracting(LocalDate::toString)
			.containsExactly("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30");
		var leap = Recurrence.monthlyOnDay(1, 30, NINE, SendTime.QUEBEC, LocalDate.parse("2028-02-01"));
		assertThat(leap.nextAfter(LocalDateTime.parse("2028-02-01T00:00"))).isEqualTo("2028-02-29T09:00");
	}

	@Test
	void everyTwoWeeksOnTuesdayAndThursdayCountedFromTheStartWeek() {
		var rule = Recurrence.weekly(2, Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), NINE, SendTime.QUEBEC,
				LocalDate.parse("2027-01-05"));

		assertThat(rule.occurrencesAfter(LocalDateTime.parse("2027-01-01T00:00"), 5)).extracting(SendTime::date)
			.extracting(LocalDate::toString)
			.containsExactly("2027-01-05", "2027-01-07", "2027-01-19", "2027-01-21", "2027-02-02");
	}

	@Test
	void theNextOccurrenceIsStrictlyAfterAndNeverBeforeTheStart() {
		var weekly = Recurrence.weekly(1, Set.of(DayOfWeek.TUESDAY), NINE, SendTime.QUEBEC, LocalDate.parse("2027-03-01"));

		assertThat(weekly.nextAfter(LocalDateTime.parse("2027-01-05T09:00"))).as("not before the start")
			.isEqualTo("2027-03-02T09:00");
		assertThat(weekly.nextAfter(LocalDateTime.parse("2027-03-02T09:00"))).isEqualTo("2027-03-09T09:00");
		assertThat(weekly.nextAfter(LocalDateTime.parse("2027-03-02T08:59"))).isEqualTo("2027-03-02T09:00");
	}

	@Test
	void anOccurrenceInTheSpringGapFollowsTheSendTimeRule() {
		var sundays = Recurrence.weekly(1, Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), SendTime.QUEBEC,
				LocalDate.parse("2027-03-07"));

		var march14 = sundays.occurrencesAfter(LocalDateTime.parse("2027-03-08T00:00"), 1).get(0);
		assertThat(march14.adjustment()).isEqualTo(SendTime.Adjustment.MOVED_FORWARD);
		assertThat(march14.instant()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
	}

	@Test
	void refusesRulesThatCannotHappen() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Recurrence.weekly(1, Set.of(), NINE, SendTime.QUEBEC, LocalDate.parse("2027-01-01")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Recurrence.monthlyOnDay(1, 32, NINE, SendTime.QUEBEC, LocalDate.parse("2027-01-01")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Recurrence.monthlyOnWeekday(1, 5, DayOfWeek.MONDAY, NINE, SendTime.QUEBEC,
					LocalDate.parse("2027-01-01")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Recurrence.monthlyOnDay(0, 1, NINE, SendTime.QUEBEC, LocalDate.parse("2027-01-01")));
	}

}

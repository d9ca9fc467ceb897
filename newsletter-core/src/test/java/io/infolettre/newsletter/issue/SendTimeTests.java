package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quebec time across daylight-saving transitions (2027: spring forward March 14, fall back November 7). */
class SendTimeTests {

	private static final ZoneId QUEBEC = SendTime.QUEBEC;

	@Test
	void anOrdinaryTimeIsSentExactlyThen() {
		var tuesday = SendTime.of(LocalDateTime.parse("2026-12-01T09:00"), QUEBEC);

		assertThat(tuesday.instant()).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
		assertThat(tuesday.adjustment()).isEqualTo(SendTime.Adjustment.NONE);
		var summer = SendTime.of(LocalDateTime.parse("2027-06-08T09:00"), QUEBEC);
		assertThat(summer.instant()).as("daylight time, UTC-4").isEqualTo(Instant.parse("2027-06-08T13:00:00Z"));
	}

	@Test
	void aTimeThatDoesNotExistMovesForwardByTheGap() {
		var missing = SendTime.of(LocalDateTime.parse("2027-03-14T02:30"), QUEBEC);

		assertThat(missing.adjustment()).isEqualTo(SendTime.Adjustment.MOVED_FORWARD);
		assertThat(missing.instant()).as("3:30 daylight time").isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
		assertThat(SendTime.of(LocalDateTime.parse("2027-03-14T02:00"), QUEBEC).instant())
			.isEqualTo(SendTime.of(LocalDateTime.parse("2027-03-14T03:00"), QUEBEC).instant());
		assertThat(SendTime.of(LocalDateTime.parse("2027-03-14T03:00"), QUEBEC).adjustment())
			.isEqualTo(SendTime.Adjustment.NONE);
	}

	@Test
	void aTimeThatHappensTwiceIsTheFirstOne() {
		var twice = SendTime.of(LocalDateTime.parse("2027-11-07T01:30"), QUEBEC);

		assertThat(twice.adjustment()).isEqualTo(SendTime.Adjustment.FIRST_OF_TWO);
		assertThat(twice.instant()).as("1:30 daylight time, an hour before the standard-time 1:30")
			.isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
		assertThat(SendTime.of(LocalDateTime.parse("2027-11-07T02:00"), QUEBEC).instant())
			.as("2:00 exists once (standard time)")
			.isEqualTo(Instant.parse("2027-11-07T07:00:00Z"));
	}

	@Test
	void otherZonesFollowTheirOwnRules() {
		var vancouver = SendTime.of(LocalDateTime.parse("2027-03-14T02:30"), ZoneId.of("America/Vancouver"));
		assertThat(vancouver.instant()).isEqualTo(Instant.parse("2027-03-14T10:30:00Z"));
		var regina = SendTime.of(LocalDateTime.parse("2027-03-14T02:30"), ZoneId.of("America/Regina"));
		assertThat(regina.adjustment()).as("Saskatchewan keeps standard time").isEqualTo(SendTime.Adjustment.NONE);
	}

}

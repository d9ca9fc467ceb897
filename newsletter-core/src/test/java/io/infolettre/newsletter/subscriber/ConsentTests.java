package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsentTests {

	private static final Instant GRANTED = Instant.parse("2024-03-15T14:00:00Z");

	@Test
	void impliedConsentLapsesTwoYearsAfterItWasGranted() {
		var consent = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv, ligne 12",
				"Membre de l'association", GRANTED);

		assertThat(consent.expiresAt()).isEqualTo(Instant.parse("2026-03-15T14:00:00Z"));
		assertThat(consent.isValidAt(Instant.parse("2026-03-15T13:59:59Z"))).isTrue();
		assertThat(consent.isValidAt(Instant.parse("2026-03-15T14:00:00Z"))).isFalse();
	}

	/**
	 * Implied consent lapses on the local date it was given, two years later, at the same local time,
	 * in and out of daylight saving time, on the days it starts (2025-03-09) and ends (2025-11-02),
	 * and late in the evening (23:30, when UTC is already the next day).
	 */
	@ParameterizedTest
	@CsvSource({ "2025-03-10T00:00, 2027-03-10T00:00", "2025-03-09T00:00, 2027-03-09T00:00",
			"2025-03-09T12:00, 2027-03-09T12:00", "2025-03-12T23:30, 2027-03-12T23:30",
			"2025-11-02T00:00, 2027-11-02T00:00", "2025-11-02T23:30, 2027-11-02T23:30",
			"2025-11-05T23:30, 2027-11-05T23:30", "2024-03-09T23:30, 2026-03-09T23:30",
			"2025-07-15T23:30, 2027-07-15T23:30", "2025-01-15T00:00, 2027-01-15T00:00",
			"2024-02-29T10:00, 2026-02-28T10:00" })
	void impliedConsentLapsesOnTheLocalDateItWasGivenTwoYearsLater(LocalDateTime granted, LocalDateTime lapses) {
		Instant at = granted.atZone(Consent.ZONE).toInstant();

		var consent = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv", "Membre",
				at);

		assertThat(consent.expiresAt().atZone(Consent.ZONE).toLocalDateTime()).isEqualTo(lapses);
		assertThat(consent.renewed(at).expiresAt()).as("renewed the same way").isEqualTo(consent.expiresAt());
	}

	@Test
	void aConsentOf20250310IsShownToLapseOn20270310() {
		Instant given = LocalDate.parse("2025-03-10").atStartOfDay(Consent.ZONE).toInstant();

		Instant lapses = Consent.lapseOf(given);

		assertThat(LocalDate.ofInstant(lapses, Consent.ZONE)).isEqualTo(LocalDate.parse("2027-03-10"));
		assertThat(lapses).isEqualTo(Instant.parse("2027-03-10T05:00:00Z"));
	}

	@Test
	void expressConsentNeverLapsesButCanBeWithdrawn() {
		var consent = Consent.express(Consent.Channel.FORM, "/inscription", "Je veux recevoir l'infolettre",
				"203.0.113.7", GRANTED);

		assertThat(consent.expiresAt()).isNull();
		assertThat(consent.isValidAt(Instant.parse("2090-01-01T00:00:00Z"))).isTrue();
		var withdrawn = consent.withdrawn(GRANTED.plusSeconds(60));
		assertThat(withdrawn.isValidAt(GRANTED.plusSeconds(61))).isFalse();
		assertThat(withdrawn.withdrawn(GRANTED.plusSeconds(3600)).withdrawnAt()).isEqualTo(GRANTED.plusSeconds(60));
	}

	@Test
	void renewingImpliedConsentRunsTwoMoreYearsFromTheRenewal() {
		var consent = Consent.implied(Consent.Type.IMPLIED_BUSINESS_RELATIONSHIP, Consent.Channel.ADMIN, "admin",
				"Client", GRANTED);
		var renewedAt = Instant.parse("2025-11-01T00:00:00Z");

		assertThat(consent.renewed(renewedAt).expiresAt()).isEqualTo(Instant.parse("2027-11-01T00:00:00Z"));
	}

	@Test
	void tellsWhichImpliedConsentsLapseSoon() {
		var consent = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "f", "p", GRANTED);

		assertThat(consent.expiresWithin(Instant.parse("2026-01-20T00:00:00Z"), 60)).isTrue();
		assertThat(consent.expiresWithin(Instant.parse("2025-12-01T00:00:00Z"), 60)).isFalse();
		assertThat(consent.expiresWithin(Instant.parse("2026-04-01T00:00:00Z"), 60)).as("already lapsed").isFalse();
	}

	@Test
	void withinSixtyDaysCountsTheSixtiethLocalDayToItsEnd() {
		// granted at 23:30 on 2025-01-14, it lapses at 23:30 on 2027-01-14; 60 days before is 2026-11-15
		var consent = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "f", "p",
				LocalDateTime.parse("2025-01-14T23:30").atZone(Consent.ZONE).toInstant());
		Instant morningOfTheSixtiethDayBefore = LocalDateTime.parse("2026-11-15T09:00").atZone(Consent.ZONE).toInstant();
		Instant dayBefore = LocalDateTime.parse("2026-11-14T23:59").atZone(Consent.ZONE).toInstant();

		assertThat(consent.expiresWithin(morningOfTheSixtiethDayBefore, 60)).isTrue();
		assertThat(consent.expiresWithin(dayBefore, 60)).isFalse();
		assertThat(Consent.lapsingHorizon(morningOfTheSixtiethDayBefore, 60).atZone(Consent.ZONE).toLocalDate())
			.isEqualTo(LocalDate.parse("2027-01-14"));
	}

	@Test
	void expressConsentIsNotMadeImplied() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> Consent.implied(Consent.Type.EXPRESS, Consent.Channel.FORM, "f", "p", GRANTED));
	}

}

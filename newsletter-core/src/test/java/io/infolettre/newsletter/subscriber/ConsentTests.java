package io.infolettre.newsletter.subscriber;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

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
		var sixtyDays = Duration.ofDays(60);

		assertThat(consent.expiresWithin(Instant.parse("2026-01-20T00:00:00Z"), sixtyDays)).isTrue();
		assertThat(consent.expiresWithin(Instant.parse("2025-12-01T00:00:00Z"), sixtyDays)).isFalse();
		assertThat(consent.expiresWithin(Instant.parse("2026-04-01T00:00:00Z"), sixtyDays)).as("already lapsed")
			.isFalse();
	}

	@Test
	void expressConsentIsNotMadeImplied() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> Consent.implied(Consent.Type.EXPRESS, Consent.Channel.FORM, "f", "p", GRANTED));
	}

}

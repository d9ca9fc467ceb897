package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentLapseBackfillIntegrationTests {

	private EmbeddedMongo mongo;

	private SubscriberStore store;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.store = new SubscriberStore(this.mongo.template());
		this.store.createIndexes();
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void consentsStoredWithTheirLapseCountedInUtcLapseOnTheLocalDateOnce() {
		Instant dst = LocalDate.parse("2025-03-10").atStartOfDay(Consent.ZONE).toInstant();
		Instant evening = LocalDateTime.parse("2025-11-02T23:30").atZone(Consent.ZONE).toInstant();
		Instant summer = LocalDate.parse("2025-07-15").atStartOfDay(Consent.ZONE).toInstant();
		this.store.insertNew(List.of(storedTheOldWay("mars@exemple.ca", dst), storedTheOldWay("novembre@exemple.ca", evening),
				storedTheOldWay("juillet@exemple.ca", summer), new Subscriber(EmailAddress.of("expres@exemple.ca"), "E", "X",
						null, "fr", Consent.express(Consent.Channel.FORM, "f", "p", null, dst), dst)));
		assertThat(lapse("mars@exemple.ca")).as("as stored before").isEqualTo(LocalDateTime.parse("2027-03-09T23:00"));
		assertThat(lapse("novembre@exemple.ca")).as("as stored before").isEqualTo(LocalDateTime.parse("2027-11-03T00:30"));

		new ConsentLapseBackfill(this.mongo.template()).backfill();

		assertThat(lapse("mars@exemple.ca")).isEqualTo(LocalDateTime.parse("2027-03-10T00:00"));
		assertThat(lapse("novembre@exemple.ca")).isEqualTo(LocalDateTime.parse("2027-11-02T23:30"));
		assertThat(lapse("juillet@exemple.ca")).isEqualTo(LocalDateTime.parse("2027-07-15T00:00"));
		assertThat(this.store.findByEmail(EmailAddress.of("expres@exemple.ca")).orElseThrow().getConsent().expiresAt())
			.isNull();
		assertThat(this.mongo.template().findById(ConsentLapseBackfill.MARKER, org.bson.Document.class, "installation")
			.getInteger("corrected")).isEqualTo(2);

		this.store.insertNew(List.of(storedTheOldWay("apres@exemple.ca", dst)));
		new ConsentLapseBackfill(this.mongo.template()).backfill();
		assertThat(lapse("apres@exemple.ca")).as("done once: a later start reads the marker only")
			.isEqualTo(LocalDateTime.parse("2027-03-09T23:00"));
	}

	/** An implied consent as it was recorded when its lapse was counted as two years in UTC. */
	private static Subscriber storedTheOldWay(String email, Instant granted) {
		var consent = new Consent(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv", "Membre", null,
				granted, granted.atOffset(ZoneOffset.UTC).plus(Consent.IMPLIED_VALIDITY).toInstant(), null);
		return new Subscriber(EmailAddress.of(email), "A", "B", null, "fr", consent, granted);
	}

	private LocalDateTime lapse(String email) {
		return this.store.findByEmail(EmailAddress.of(email))
			.orElseThrow()
			.getConsent()
			.expiresAt()
			.atZone(Consent.ZONE)
			.toLocalDateTime();
	}

}

package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.Date;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber as MongoDB stores it: their standing (status, consent, bounces, complaint) is made of
 * the subscriber's own fields, which the segments' and the send's queries name, as in the documents
 * stored before it was a part of its own.
 */
class SubscriberDocumentIntegrationTests {

	private static final Instant AT = Instant.parse("2026-12-01T14:00:00Z");

	private EmbeddedMongo mongo;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void itsStandingIsStoredAsTheSubscribersOwnFieldsThatQueriesName() {
		var bounced = SubscriberFixtures.bounced("bruno@exemple.ca", AT);
		var unsubscribed = SubscriberFixtures.unsubscribed("ursule@exemple.ca", AT);
		this.mongo.template().insert(bounced);
		this.mongo.template().insert(unsubscribed);

		Document stored = this.mongo.template().findById(bounced.getId(), Document.class, Subscriber.COLLECTION);
		assertThat(stored.getString("status")).isEqualTo("BOUNCED");
		assertThat(stored.get("consent", Document.class).getString("type")).isEqualTo("IMPLIED_MEMBERSHIP");
		assertThat(stored.getInteger("hardBounces")).isEqualTo(1);
		assertThat(stored.getDate("bouncedAt")).isEqualTo(Date.from(AT));
		assertThat(this.mongo.template()
			.findById(unsubscribed.getId(), Document.class, Subscriber.COLLECTION)
			.getDate("unsubscribedAt")).isEqualTo(Date.from(AT));

		assertThat(this.mongo.template()
			.find(Query.query(Criteria.where(SubscriberFields.STATUS)
				.is(SubscriberStatus.UNSUBSCRIBED)
				.and(SubscriberFields.CONSENT_WITHDRAWN_AT)
				.is(AT)), Subscriber.class)).extracting(Subscriber::getId).containsExactly(unsubscribed.getId());
		Subscriber read = this.mongo.template().findById(bounced.getId(), Subscriber.class);
		assertThat(read.getStatus()).isEqualTo(SubscriberStatus.BOUNCED);
		assertThat(read.getConsent()).isEqualTo(bounced.getConsent());
		assertThat(read.getBouncedAt()).isEqualTo(AT);
	}

	@Test
	void aDocumentFromBeforeBouncesWereCountedReadsAsNone() {
		this.mongo.template()
			.insert(new Document("email", "ancien@exemple.ca").append("status", "ACTIVE"), Subscriber.COLLECTION);

		Subscriber old = this.mongo.template()
			.findOne(Query.query(Criteria.where("email").is("ancien@exemple.ca")), Subscriber.class);

		assertThat(old.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(old.getHardBounces()).isZero();
		assertThat(old.getConsent()).isNull();
		assertThat(old.mayReceiveAt(AT)).as("no consent, no message").isFalse();
	}

}

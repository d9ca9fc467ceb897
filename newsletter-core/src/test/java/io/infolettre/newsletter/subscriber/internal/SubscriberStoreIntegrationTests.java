package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberStoreIntegrationTests {

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
	void knownAddressesAreNotAddedTwice() {
		var batch = List.of(SubscriberFixtures.member("a@exemple.ca", "A", "A", "X", "l"),
				SubscriberFixtures.member("b@exemple.ca", "B", "B", "X", "l"));
		assertThat(this.store.insertNew(batch)).isEqualTo(2);
		var again = List.of(SubscriberFixtures.member("a@exemple.ca", "A", "A", "X", "l"),
				SubscriberFixtures.member("c@exemple.ca", "C", "C", "X", "l"));
		int added = this.store.insertNew(again);
		assertThat(added).isEqualTo(1);
		assertThat(this.store.count()).isEqualTo(3);
		assertThat(this.store.listNames()).containsExactly("l");
	}

	@Test
	void remembersTheLastIssuesOpenedOnceEachAndTheLastOpen() {
		this.store.insertNew(List.of(SubscriberFixtures.member("a@exemple.ca", "A", "A", "X", "l"),
				SubscriberFixtures.member("b@exemple.ca", "B", "B", "X", "l")));
		String a = this.store.findByEmail(EmailAddress.of("a@exemple.ca")).orElseThrow().getId();
		String b = this.store.findByEmail(EmailAddress.of("b@exemple.ca")).orElseThrow().getId();
		Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
		for (int i = 1; i <= SubscriberFields.ENGAGEMENT_KEPT + 2; i++) {
			this.store.recordOpens("issue-" + i, List.of(a), t0.plusSeconds(i));
		}
		this.store.recordOpens("issue-26", List.of(a, b), t0);

		var engagement = engagement(a);
		assertThat(engagement.getList("openedIssues", String.class)).as("the last 24, each once")
			.hasSize(SubscriberFields.ENGAGEMENT_KEPT)
			.startsWith("issue-3")
			.endsWith("issue-26")
			.doesNotHaveDuplicates();
		assertThat(engagement.getDate("lastOpenedAt").toInstant()).as("never moves back").isEqualTo(t0.plusSeconds(26));
		assertThat(engagement(b).getList("openedIssues", String.class)).containsExactly("issue-26");
	}

	private org.bson.Document engagement(String id) {
		return this.mongo.template()
			.findById(id, org.bson.Document.class, Subscriber.COLLECTION)
			.get("engagement", org.bson.Document.class);
	}

}

package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
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
	void unsubscribesOnce() {
		this.store.insertNew(List.of(SubscriberFixtures.member("a@exemple.ca", "A", "A", "X", "l")));
		String id = this.store.findByEmail(EmailAddress.of("a@exemple.ca")).orElseThrow().getId();
		assertThat(this.store.markUnsubscribed(id, Instant.now())).get()
			.extracting(Subscriber::getStatus)
			.as("as it was")
			.isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(this.store.markUnsubscribed(id, Instant.now())).isEmpty();
		assertThat(this.store.findById(id).orElseThrow().getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
	}

}

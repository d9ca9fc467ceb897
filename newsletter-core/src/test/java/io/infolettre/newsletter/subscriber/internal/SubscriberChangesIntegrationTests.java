package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Preferences;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.SubscriptionRequest;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Changes made through the Subscriber aggregate and stored against a real MongoDB-wire server: each
 * writes what it changed, only if the subscriber is still as it was read. A change that comes between
 * the read and the write is made here from inside the transition, where another request would.
 */
class SubscriberChangesIntegrationTests {

	private final Instant now = Instant.parse("2026-12-07T15:00:00Z");

	private EmbeddedMongo mongo;

	private SubscriberStore store;

	private SubscriberChanges changes;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.store = new SubscriberStore(this.mongo.template());
		this.store.createIndexes();
		this.changes = new SubscriberChanges(this.mongo.template());
		this.store.insertNew(List.of(SubscriberFixtures.member("eric.cote@usinage.ca", "Éric", "Côté", "Usinage Côté",
				"membres", Instant.now()), SubscriberFixtures.member("marc@usinage.ca", "Marc", "Côté", null, "membres")));
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void unsubscribesOnce() {
		String id = id("eric.cote@usinage.ca");
		assertThat(unsubscribe(id)).get()
			.extracting(subscriber -> subscriber.getEmail().value())
			.as("what the log records")
			.isEqualTo("eric.cote@usinage.ca");
		assertThat(unsubscribe(id)).isEmpty();
		assertThat(read(id).getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(read(id).getConsent().withdrawnAt()).isEqualTo(this.now);
		assertThat(this.changes.transition(new ObjectId().toHexString(), subscriber -> true)).as("unknown").isEmpty();
	}

	@Test
	void anEditNeverOverwritesAnUnsubscribeThatArrivedMeanwhile() {
		String id = id("eric.cote@usinage.ca");
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.changes.changeOnce(id,
				read -> {
					unsubscribe(id);
					read.editDetails("Éric", "Côté", "Usinage Côté inc.", "fr", false, this.now);
				}));
		assertThat(read(id).getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(read(id).getCompany()).isEqualTo("Usinage Côté");
	}

	@Test
	void anAddressAlreadyTakenIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.changes.changeOnce(id("marc@usinage.ca"),
					marc -> marc.changeEmail(EmailAddress.of("eric.cote@usinage.ca"), this.now)))
			.withMessageContaining("déjà");
	}

	@Test
	void anUnsubscribeIsMadeAgainOnTheConfirmationThatCameMeanwhileAndWithdrawsItsConsent() {
		var pending = SubscriberFixtures.pending("zoe@exemple.ca", this.now.minusSeconds(60));
		this.store.insertNew(List.of(pending));
		String id = id("zoe@exemple.ca");
		var attempts = new AtomicInteger();

		var unsubscribed = this.changes.transition(id, read -> {
			if (attempts.incrementAndGet() == 1) {
				this.changes.transition(id, confirmed -> {
					confirmed.confirmSubscription(request(confirmed), formConsent(), this.now);
					return true;
				});
			}
			return read.unsubscribe(UnsubscribeChannel.ONE_CLICK, null, this.now);
		});

		assertThat(unsubscribed).isPresent();
		assertThat(attempts).as("read again after the confirmation").hasValue(2);
		Subscriber stored = read(id);
		assertThat(stored.getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(stored.getConsent().proof()).as("the consent confirmed meanwhile").isEqualTo("J’accepte");
		assertThat(stored.getConsent().withdrawnAt()).isEqualTo(this.now);
		assertThat(stored.mayReceiveAt(this.now)).isFalse();
	}

	@Test
	void anAddressWaitingForItsConfirmationIsUnsubscribedWithoutAConsentToWithdraw() {
		this.store.insertNew(List.of(SubscriberFixtures.pending("zoe@exemple.ca", this.now)));
		String id = id("zoe@exemple.ca");

		assertThat(unsubscribe(id)).isPresent();

		Subscriber stored = read(id);
		assertThat(stored.getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(stored.getConsent()).isNull();
	}

	@Test
	void bouncesReportedAtOnceAreEachCounted() {
		String id = id("eric.cote@usinage.ca");
		var attempts = new AtomicInteger();

		boolean bounced = this.changes.transition(id, read -> {
			if (attempts.incrementAndGet() == 1) {
				this.changes.transition(id, other -> other.recordHardBounce(3, this.now));
			}
			return read.recordHardBounce(3, this.now);
		}).isPresent();

		assertThat(bounced).isFalse();
		assertThat(attempts).hasValue(2);
		assertThat(read(id).getHardBounces()).isEqualTo(2);
		assertThat(this.changes.transition(id, read -> read.recordHardBounce(3, this.now))).isPresent();
		assertThat(read(id).getStatus()).isEqualTo(SubscriberStatus.BOUNCED);
	}

	@Test
	void aBounceCountedMeanwhileLetsACoordinatorsEditSaveAndIsKept() {
		String id = id("eric.cote@usinage.ca");

		this.changes.changeOnce(id, read -> {
			this.changes.transition(id, other -> other.recordHardBounce(3, this.now));
			read.editDetails("Éric", "Côté", "Usinage Côté inc.", "fr", false, this.now);
		});

		assertThat(read(id).getCompany()).isEqualTo("Usinage Côté inc.");
		assertThat(read(id).getHardBounces()).isEqualTo(1);
		assertThat(read(id).getLastBounceAt()).isEqualTo(this.now);
	}

	@Test
	void aSubscriberStoredBeforeBouncesWereCountedCountsItsFirst() {
		String id = id("eric.cote@usinage.ca");
		this.mongo.template()
			.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id))), new Update().unset("hardBounces"),
					Subscriber.COLLECTION);

		assertThat(this.changes.transition(id, read -> read.recordHardBounce(1, this.now))).isPresent();
		assertThat(read(id).getHardBounces()).isEqualTo(1);
		assertThat(read(id).getStatus()).isEqualTo(SubscriberStatus.BOUNCED);
	}

	@Test
	void preferencesLeaveTheListsNotKept() {
		String id = id("eric.cote@usinage.ca");
		this.changes.changeOnce(id, read -> read.joinList("formations", this.now));

		this.changes.transition(id, read -> {
			read.choosePreferences(new Preferences(Set.of("formations", "inconnue"), "en", true), this.now);
			return true;
		});

		Subscriber stored = read(id);
		assertThat(stored.getLists()).containsExactly("formations");
		assertThat(stored.getLanguage()).isEqualTo("en");
		assertThat(stored.isTrackingRefused()).isTrue();
	}

	private java.util.Optional<Subscriber> unsubscribe(String id) {
		return this.changes.transition(id, read -> read.unsubscribe(UnsubscribeChannel.ADMIN, null, this.now));
	}

	private SubscriptionRequest request(Subscriber subscriber) {
		return new SubscriptionRequest(subscriber.getEmail(), "Zoé", "Bélanger", null, "fr", Set.of("infolettre"),
				"J’accepte", "203.0.113.9");
	}

	private Consent formConsent() {
		return Consent.express(Consent.Channel.FORM, "Formulaire", "J’accepte", "203.0.113.9", this.now);
	}

	private Subscriber read(String id) {
		return this.store.findById(id).orElseThrow();
	}

	private String id(String email) {
		return this.store.findByEmail(EmailAddress.of(email)).orElseThrow().getId();
	}

}

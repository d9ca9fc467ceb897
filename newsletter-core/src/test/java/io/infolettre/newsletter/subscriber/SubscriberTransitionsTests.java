package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.Set;

import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE;
import static org.junit.jupiter.params.provider.EnumSource.Mode.INCLUDE;

/**
 * The Subscriber aggregate's status transitions, from each status: what each allows, what it refuses
 * (and then changes nothing), and what it records.
 */
class SubscriberTransitionsTests {

	private static final Instant BEFORE = Instant.parse("2026-11-26T12:00:00Z");

	private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

	private static Subscriber in(SubscriberStatus status) {
		Subscriber subscriber = SubscriberFixtures.inStatus(status, "alice@exemple.ca", BEFORE);
		assertThat(subscriber.getStatus()).isEqualTo(status);
		return subscriber;
	}

	@ParameterizedTest
	@EnumSource(value = SubscriberStatus.class, names = "UNSUBSCRIBED", mode = EXCLUDE)
	void anyoneElseIsUnsubscribedAtOnceAndTheirConsentWithdrawn(SubscriberStatus status) {
		Subscriber subscriber = in(status);

		assertThat(subscriber.unsubscribe(UnsubscribeChannel.ONE_CLICK, "issue-1", NOW)).isTrue();

		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(subscriber.getUnsubscribedAt()).isEqualTo(NOW);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(NOW);
		if (status == SubscriberStatus.PENDING_CONFIRMATION) {
			assertThat(subscriber.getConsent()).as("none was given").isNull();
		}
		else {
			assertThat(subscriber.getConsent().withdrawnAt()).isEqualTo(NOW);
		}
		assertThat(subscriber.mayReceiveAt(NOW)).isFalse();
	}

	@Test
	void theUnsubscribedAreNotUnsubscribedAgain() {
		Subscriber subscriber = in(SubscriberStatus.UNSUBSCRIBED);

		assertThat(subscriber.unsubscribe(UnsubscribeChannel.ONE_CLICK, "issue-1", NOW)).isFalse();

		assertThat(subscriber.getUnsubscribedAt()).isEqualTo(BEFORE);
		assertThat(subscriber.getConsent().withdrawnAt()).isEqualTo(BEFORE);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(BEFORE);
	}

	@ParameterizedTest
	@EnumSource(value = SubscriberStatus.class, names = "COMPLAINED", mode = EXCLUDE)
	void aComplaintStopsEverySendWhateverTheStatus(SubscriberStatus status) {
		Subscriber subscriber = in(status);

		assertThat(subscriber.markComplained(NOW)).isTrue();

		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.COMPLAINED);
		assertThat(subscriber.getComplainedAt()).isEqualTo(NOW);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(NOW);
		assertThat(subscriber.mayReceiveAt(NOW)).isFalse();
	}

	@Test
	void aComplaintIsRecordedOnce() {
		Subscriber subscriber = in(SubscriberStatus.COMPLAINED);

		assertThat(subscriber.markComplained(NOW)).isFalse();

		assertThat(subscriber.getComplainedAt()).isEqualTo(BEFORE);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(BEFORE);
	}

	@Test
	void anActiveSubscriberBouncesWhenItsHardBouncesReachTheThreshold() {
		Subscriber subscriber = in(SubscriberStatus.ACTIVE);

		assertThat(subscriber.recordHardBounce(3, NOW.minusSeconds(2))).isFalse();
		assertThat(subscriber.recordHardBounce(3, NOW.minusSeconds(1))).isFalse();
		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(subscriber.getHardBounces()).isEqualTo(2);
		assertThat(subscriber.getLastBounceAt()).isEqualTo(NOW.minusSeconds(1));
		assertThat(subscriber.getUpdatedAt()).as("counting changes no status").isEqualTo(BEFORE);

		assertThat(subscriber.recordHardBounce(3, NOW)).isTrue();

		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.BOUNCED);
		assertThat(subscriber.getBouncedAt()).isEqualTo(NOW);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(NOW);
		assertThat(subscriber.mayReceiveAt(NOW)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = SubscriberStatus.class, names = "ACTIVE", mode = EXCLUDE)
	void aHardBounceIsCountedButBouncesOnlyTheActive(SubscriberStatus status) {
		Subscriber subscriber = in(status);
		int before = subscriber.getHardBounces();

		assertThat(subscriber.recordHardBounce(1, NOW)).isFalse();

		assertThat(subscriber.getStatus()).isEqualTo(status);
		assertThat(subscriber.getHardBounces()).isEqualTo(before + 1);
		assertThat(subscriber.getLastBounceAt()).isEqualTo(NOW);
		assertThat(subscriber.getBouncedAt()).as("bounced once, when it was").isEqualTo(
				status == SubscriberStatus.BOUNCED ? BEFORE : null);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(BEFORE);
	}

	@ParameterizedTest
	@EnumSource(SubscriberStatus.class)
	void aConfirmedSubscriptionMakesAnyoneActiveOnTheFormsExpressConsent(SubscriberStatus status) {
		Subscriber subscriber = in(status);
		Consent consent = formConsent();

		subscriber.confirmSubscription(request(), consent, NOW);

		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(subscriber.getConsent()).isEqualTo(consent);
		assertThat(subscriber.getUnsubscribedAt()).isNull();
		assertThat(subscriber.getHardBounces()).as("the link reached the mailbox").isZero();
		assertThat(subscriber.getLists()).contains("infolettre");
		assertThat(subscriber.mayReceiveAt(NOW)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(SubscriberStatus.class)
	void aConfirmationIsRefusedWithAnyOtherConsent(SubscriberStatus status) {
		Subscriber subscriber = in(status);
		Consent consentBefore = subscriber.getConsent();

		assertThatIllegalArgumentException().isThrownBy(() -> subscriber.confirmSubscription(request(),
				Consent.express(Consent.Channel.ADMIN, "Salon", "Formulaire signé", null, NOW), NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> subscriber.confirmSubscription(request(),
				Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.FORM, "Formulaire", "Membre", NOW), NOW));

		assertThat(subscriber.getStatus()).isEqualTo(status);
		assertThat(subscriber.getConsent()).isEqualTo(consentBefore);
		assertThat(subscriber.getUpdatedAt()).isEqualTo(BEFORE);
	}

	@ParameterizedTest
	@EnumSource(value = SubscriberStatus.class, names = { "UNSUBSCRIBED", "PENDING_CONFIRMATION" }, mode = INCLUDE)
	void expressConsentOnPaperBringsTheUnsubscribedAndTheUnconfirmedBack(SubscriberStatus status) {
		Subscriber subscriber = in(status);

		subscriber.recordExpressConsent("Salon de l’emploi 2027", "Formulaire signé n° 42", NOW);

		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(subscriber.getUnsubscribedAt()).isNull();
		assertThat(subscriber.mayReceiveAt(NOW)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = SubscriberStatus.class, names = { "BOUNCED", "COMPLAINED" }, mode = INCLUDE)
	void expressConsentOnPaperLeavesBouncedAndComplainedAddressesAsTheyAre(SubscriberStatus status) {
		Subscriber subscriber = in(status);

		subscriber.recordExpressConsent("Salon de l’emploi 2027", "Formulaire signé n° 42", NOW);

		assertThat(subscriber.getStatus()).isEqualTo(status);
		assertThat(subscriber.getConsent().proof()).isEqualTo("Formulaire signé n° 42");
		assertThat(subscriber.mayReceiveAt(NOW)).isFalse();
	}

	@Test
	void preferencesOnlyEverLeaveLists() {
		Subscriber subscriber = in(SubscriberStatus.ACTIVE).joinList("formations", BEFORE);

		subscriber.choosePreferences(new Preferences(Set.of("formations", "autre"), "en", true), NOW);

		assertThat(subscriber.getLists()).containsExactly("formations");
		assertThat(subscriber.getLanguage()).isEqualTo("en");
		assertThat(subscriber.isTrackingRefused()).isTrue();
		assertThat(subscriber.getUpdatedAt()).isEqualTo(NOW);
	}

	private static SubscriptionRequest request() {
		return new SubscriptionRequest(EmailAddress.of("alice@exemple.ca"), "Alice", null, null, "fr",
				Set.of("infolettre"), "J’accepte", "203.0.113.9");
	}

	private static Consent formConsent() {
		return Consent.express(Consent.Channel.FORM, "Formulaire", "J’accepte", "203.0.113.9", NOW);
	}

}

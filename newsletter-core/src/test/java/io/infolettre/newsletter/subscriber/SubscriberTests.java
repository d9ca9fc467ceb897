package io.infolettre.newsletter.subscriber;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubscriberTests {

	private final Instant later = Instant.parse("2027-03-01T12:00:00Z");

	private final Subscriber subscriber = SubscriberFixtures.member("eric@exemple.ca", "Éric", "Côté-Tremblay",
			"Usinage Côté", "membres", Instant.parse("2026-11-26T12:00:00Z"));

	@Test
	void editingDetailsRefreshesTheFoldedSearchKeys() {
		assertThat(this.subscriber.searchKeys().names()).contains("eric", "cote-tremblay", "cote", "tremblay",
				"eric cote-tremblay", "cote-tremblay eric");
		assertThat(this.subscriber.searchKeys().company()).isEqualTo("usinage cote");

		this.subscriber.editDetails("  Hélène ", "Gagnon", "Béton Saguenay", "en", true, this.later);

		assertThat(this.subscriber.getFullName()).isEqualTo("Hélène Gagnon");
		assertThat(this.subscriber.getLanguage()).isEqualTo("en");
		assertThat(this.subscriber.isTrackingRefused()).isTrue();
		assertThat(this.subscriber.getUpdatedAt()).isEqualTo(this.later);
		assertThat(this.subscriber.searchKeys().names()).contains("helene", "gagnon", "helene gagnon")
			.doesNotContain("eric");
		assertThat(this.subscriber.searchKeys().company()).isEqualTo("beton saguenay");
	}

	@Test
	void namesAndCompanyAreOneLineWhetherAddedOrEdited() {
		var added = new Subscriber(EmailAddress.of("zoe@exemple.ca"), " Zoe\u0301\r\n", "Be\u0301langer\u2028Roy",
				"Acier\tdu\u0085Fjord", "fr", Consent.express(Consent.Channel.API, "api", "p", null, this.later),
				this.later);

		assertThat(added.getFirstName()).isEqualTo("Zo\u00e9");
		assertThat(added.getLastName()).isEqualTo("B\u00e9langer Roy");
		assertThat(added.getCompany()).isEqualTo("Acier du Fjord");
		assertThat(added.searchKeys().names()).contains("zoe belanger roy");

		this.subscriber.editDetails("H\u00e9l\u00e8ne\r\nBcc: x@exemple.ca", "\u0000", "B\u00e9ton\n\nSaguenay", "fr",
				false, this.later);

		assertThat(this.subscriber.getFirstName()).isEqualTo("H\u00e9l\u00e8ne Bcc: x@exemple.ca");
		assertThat(this.subscriber.getLastName()).isNull();
		assertThat(this.subscriber.getCompany()).isEqualTo("B\u00e9ton Saguenay");
	}

	@Test
	void confirmingASubscriptionAddsListsAndConsentToAKnownPersonAndNothingElse() {
		var typed = new SubscriptionRequest(this.subscriber.getEmail(), "Pirate", "Usurpateur", "Arnaques inc.", "en",
				java.util.Set.of("infolettre"), "J’accepte", "203.0.113.9");
		var express = Consent.express(Consent.Channel.FORM, "Formulaire", "J’accepte", "203.0.113.9", this.later);

		this.subscriber.confirmSubscription(typed, express, this.later);

		assertThat(this.subscriber.getFullName()).isEqualTo("Éric Côté-Tremblay");
		assertThat(this.subscriber.getCompany()).isEqualTo("Usinage Côté");
		assertThat(this.subscriber.getLanguage()).isEqualTo("fr");
		assertThat(this.subscriber.getLists()).containsExactlyInAnyOrder("membres", "infolettre");
		assertThat(this.subscriber.getConsent()).isEqualTo(express);
		assertThat(this.subscriber.getUpdatedAt()).isEqualTo(this.later);
	}

	@Test
	void confirmingTheFormsOwnRequestGivesTheNamesOfTheRequestConfirmed() {
		var pending = Subscriber.withoutConsent(EmailAddress.of("zoe@exemple.ca"), SubscriberStatus.PENDING_CONFIRMATION,
				"fr", this.later)
			.withNames("Zoé", null, null);
		var typed = new SubscriptionRequest(pending.getEmail(), "Zoé", "Bélanger", "Métallurgie du Fjord", "en",
				java.util.Set.of("infolettre"), "I agree", "203.0.113.9");

		pending.confirmSubscription(typed,
				Consent.express(Consent.Channel.FORM, "Formulaire", "I agree", "203.0.113.9", this.later), this.later);

		assertThat(pending.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(pending.getFullName()).isEqualTo("Zoé Bélanger");
		assertThat(pending.getCompany()).isEqualTo("Métallurgie du Fjord");
		assertThat(pending.getLanguage()).isEqualTo("en");
		assertThat(pending.searchKeys().names()).contains("zoe belanger");
		assertThat(pending.mayReceiveAt(this.later)).isTrue();
	}

	@Test
	void anUnknownLanguageIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.subscriber.editDetails("A", "B", null, "de", false, this.later))
			.withMessageContaining("Langue");
	}

	@Test
	void attributesAreCheckedAgainstTheirType() {
		var since = AttributeDefinition.of("membreDepuis", "Membre depuis", AttributeType.DATE);
		var employees = AttributeDefinition.of("employes", "Employés", AttributeType.NUMBER);

		this.subscriber.setAttribute(since, "15/03/2019", this.later).setAttribute(employees, "1 250", this.later);
		assertThat(this.subscriber.getAttributes()).containsEntry("membreDepuis", "2019-03-15")
			.containsEntry("employes", 1250L);

		assertThatIllegalArgumentException().isThrownBy(() -> this.subscriber.setAttribute(employees, "beaucoup", this.later))
			.withMessage("Employés : nombre attendu : « beaucoup »");
		assertThat(this.subscriber.getAttributes()).as("unchanged by a refused value").containsEntry("employes", 1250L);

		this.subscriber.setAttribute(employees, " ", this.later);
		assertThat(this.subscriber.getAttributes()).doesNotContainKey("employes");
	}

	@Test
	void listsAndTagsComeAndGo() {
		this.subscriber.joinList(" formations ", this.later).tag("conférencier", this.later);
		assertThat(this.subscriber.getLists()).containsExactlyInAnyOrder("membres", "formations");
		assertThat(this.subscriber.getTags()).containsExactly("conférencier");

		this.subscriber.leaveList("membres", this.later).untag("conférencier", this.later);
		assertThat(this.subscriber.getLists()).containsExactly("formations");
		assertThat(this.subscriber.getTags()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.subscriber.joinList(" ", this.later));
	}

	@Test
	void impliedConsentIsRenewedForTwoMoreYears() {
		this.subscriber.renewConsent(this.later);

		assertThat(this.subscriber.getConsent().grantedAt()).isEqualTo(this.later);
		assertThat(this.subscriber.getConsent().expiresAt()).isEqualTo(Instant.parse("2029-03-01T12:00:00Z"));
		assertThat(this.subscriber.getConsent().expiresWithin(this.later, 60)).isFalse();
	}

	@Test
	void aWithdrawnOrExpressConsentIsNotRenewed() {
		var withdrawn = SubscriberFixtures.member("a@exemple.ca", "A", "A", null, "l");
		withdrawn.recordExpressConsent("Formulaire papier, salon 2027", "J’accepte de recevoir l’infolettre", this.later);
		assertThatIllegalArgumentException().isThrownBy(() -> withdrawn.renewConsent(this.later))
			.withMessageContaining("tacite");
	}

	@Test
	void expressConsentOnPaperKeepsItsProofAndBringsAnUnsubscribedPersonBack() {
		var person = SubscriberFixtures.unsubscribed("u@exemple.ca", this.later);
		assertThatIllegalArgumentException().isThrownBy(() -> person.renewConsent(this.later));
		assertThatIllegalArgumentException().isThrownBy(() -> person.recordExpressConsent("Salon", " ", this.later));

		person.recordExpressConsent("Salon de l’emploi 2027", "Formulaire signé n° 42", this.later);

		assertThat(person.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(person.getUnsubscribedAt()).isNull();
		assertThat(person.getConsent().type()).isEqualTo(Consent.Type.EXPRESS);
		assertThat(person.getConsent().channel()).isEqualTo(Consent.Channel.ADMIN);
		assertThat(person.getConsent().proof()).isEqualTo("Formulaire signé n° 42");
		assertThat(person.getConsent().expiresAt()).isNull();
		assertThat(person.mayReceiveAt(this.later.plus(Duration.ofDays(3650)))).isTrue();
	}

	@Test
	void changingTheAddressNormalisesIt() {
		this.subscriber.changeEmail(EmailAddress.of(" Eric@Usinage-Côté.CA "), this.later);
		assertThat(this.subscriber.getEmail().value()).isEqualTo("eric@xn--usinage-ct-k7a4k.ca");
	}

	@Test
	void foldingIgnoresCaseAndAccents() {
		assertThat(SubscriberSearch.fold("  ÉLISE  Côté ")).isEqualTo("elise cote");
		assertThat(SubscriberSearch.nameKeys(null, "O’Neil")).isEqualTo(List.of("o’neil", "o", "neil"));
	}

}

package io.infolettre.newsletter.admin;

import java.time.Instant;
import java.util.Arrays;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;

/**
 * A subscriber the coordinator adds by hand, with the consent they hold and its proof (CASL): express
 * (a signed form, a business card handed over with a request) or implied by membership or a business
 * relationship.
 *
 * @param lists list names separated by commas
 */
record NewSubscriberForm(String email, String firstName, String lastName, String company, String language,
		String lists, Consent.Type consentType, String source, String proof) {

	static NewSubscriberForm empty() {
		return new NewSubscriberForm("", "", "", "", "fr", "", Consent.Type.IMPLIED_MEMBERSHIP, "", "");
	}

	/** @throws IllegalArgumentException with the reason, in French */
	Subscriber toSubscriber(String coordinator, Instant now) {
		EmailAddress address = EmailAddress.of(this.email);
		if (this.consentType == null) {
			throw new IllegalArgumentException("Précisez le consentement de la personne");
		}
		if (this.proof == null || this.proof.isBlank()) {
			throw new IllegalArgumentException("Un consentement se consigne avec sa preuve");
		}
		String source = this.source == null || this.source.isBlank() ? "Ajouté par " + coordinator : this.source.strip();
		Consent consent = this.consentType == Consent.Type.EXPRESS
				? Consent.express(Consent.Channel.ADMIN, source, this.proof.strip(), null, now)
				: Consent.implied(this.consentType, Consent.Channel.ADMIN, source, this.proof.strip(), now);
		var subscriber = new Subscriber(address, blankToNull(this.firstName), blankToNull(this.lastName),
				blankToNull(this.company), "en".equals(this.language) ? "en" : "fr", consent, now);
		if (this.lists != null) {
			Arrays.stream(this.lists.split(",")).map(String::strip).filter(l -> !l.isEmpty()).forEach(subscriber::addToList);
		}
		return subscriber;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

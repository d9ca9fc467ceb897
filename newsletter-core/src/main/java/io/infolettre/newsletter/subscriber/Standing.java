package io.infolettre.newsletter.subscriber;

import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * Whether the newsletter may be sent to a person (CASL, Law 25): their status, the consent it rests
 * on, and what changed it — an unsubscribe, the relay's refusals, a complaint, a consent given again.
 * Each transition says whether it may happen and does all it means here; {@link Subscriber} records
 * what happened and when it changed. The subscriber stores these fields as its own ({@code status},
 * {@code consent}, {@code hardBounces}…), as before they had this name.
 */
final class Standing {

	private SubscriberStatus status;

	private Consent consent;

	private Instant unsubscribedAt;

	private int hardBounces;

	private Instant lastBounceAt;

	private Instant bouncedAt;

	private Instant complainedAt;

	@PersistenceCreator
	private Standing() {
	}

	/** Someone added with the proof of their consent: they receive the newsletter. */
	static Standing active(Consent consent) {
		if (consent == null) {
			throw new IllegalArgumentException("A subscriber is added with the proof of their consent");
		}
		var standing = new Standing();
		standing.status = SubscriberStatus.ACTIVE;
		standing.consent = consent;
		return standing;
	}

	/** Someone who may not receive anything and gave no consent (see {@link Subscriber#withoutConsent}). */
	static Standing withoutConsent(SubscriberStatus status, Instant now) {
		if (status.canReceive()) {
			throw new IllegalArgumentException("A subscriber who may receive mail has a consent");
		}
		var standing = new Standing();
		standing.status = status;
		standing.unsubscribedAt = status == SubscriberStatus.UNSUBSCRIBED ? now : null;
		return standing;
	}

	/** @return false when unsubscribed already: nothing changes */
	boolean unsubscribe(Instant at) {
		if (this.status == SubscriberStatus.UNSUBSCRIBED) {
			return false;
		}
		this.status = SubscriberStatus.UNSUBSCRIBED;
		this.unsubscribedAt = at;
		// an address waiting for its confirmation gave no consent: there is none to withdraw
		if (this.consent != null) {
			this.consent = this.consent.withdrawn(at);
		}
		return true;
	}

	/** @return false when the complaint is recorded already: nothing changes */
	boolean complain(Instant at) {
		if (this.status == SubscriberStatus.COMPLAINED) {
			return false;
		}
		this.status = SubscriberStatus.COMPLAINED;
		this.complainedAt = at;
		return true;
	}

	/** @return whether this refusal made an active subscriber BOUNCED */
	boolean hardBounce(int threshold, Instant at) {
		this.hardBounces++;
		this.lastBounceAt = at;
		if (this.status != SubscriberStatus.ACTIVE || this.hardBounces < threshold) {
			return false;
		}
		this.status = SubscriberStatus.BOUNCED;
		this.bouncedAt = at;
		return true;
	}

	void renewConsent(Instant at) {
		if (this.consent == null || !this.consent.type().isImplied()) {
			throw new IllegalArgumentException("Seul un consentement tacite se renouvelle");
		}
		if (this.consent.withdrawnAt() != null || this.status == SubscriberStatus.UNSUBSCRIBED) {
			throw new IllegalArgumentException("Un consentement retiré ne se renouvelle pas : il faut un consentement exprès");
		}
		this.consent = this.consent.renewed(at);
	}

	void expressConsentOnPaper(String source, String proof, Instant at) {
		if (proof == null || proof.isBlank()) {
			throw new IllegalArgumentException("Un consentement exprès se consigne avec sa preuve");
		}
		this.consent = Consent.express(Consent.Channel.ADMIN, source == null || source.isBlank() ? null : source.strip(),
				proof.strip(), null, at);
		if (this.status == SubscriberStatus.UNSUBSCRIBED || this.status == SubscriberStatus.PENDING_CONFIRMATION) {
			this.status = SubscriberStatus.ACTIVE;
			this.unsubscribedAt = null;
		}
	}

	/** The form's express consent, confirmed through the link sent to the address. */
	void confirmed(Consent consent) {
		if (consent.type() != Consent.Type.EXPRESS || consent.channel() != Consent.Channel.FORM) {
			throw new IllegalArgumentException("Confirming a subscription records the form's express consent");
		}
		this.consent = consent;
		this.status = SubscriberStatus.ACTIVE;
		this.unsubscribedAt = null;
		this.hardBounces = 0;
	}

	/** Created by the public form, and nobody confirmed it yet. */
	boolean awaitsItsFirstConfirmation() {
		return this.status == SubscriberStatus.PENDING_CONFIRMATION && this.consent == null;
	}

	boolean mayReceiveAt(Instant now) {
		return this.status.canReceive() && this.consent != null && this.consent.isValidAt(now);
	}

	SubscriberStatus status() {
		return this.status;
	}

	Consent consent() {
		return this.consent;
	}

	Instant unsubscribedAt() {
		return this.unsubscribedAt;
	}

	int hardBounces() {
		return this.hardBounces;
	}

	Instant lastBounceAt() {
		return this.lastBounceAt;
	}

	Instant bouncedAt() {
		return this.bouncedAt;
	}

	Instant complainedAt() {
		return this.complainedAt;
	}

}

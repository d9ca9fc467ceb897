package io.infolettre.newsletter.subscriber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.infolettre.newsletter.subscriber.internal.SubscriptionStore;

import org.springframework.stereotype.Service;

/**
 * Double opt-in: a request from the public form is stored (a new address becomes a subscriber
 * PENDING_CONFIRMATION, with no consent); confirming it through the emailed link records an express
 * consent with its proof — the text shown, the client's address, when it was asked and when it was
 * confirmed — and makes the subscriber ACTIVE on the lists chosen. Confirming twice changes nothing.
 */
@Service
public class Subscriptions {

	/** How long a confirmation link works. */
	public static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

	private final SubscriptionStore store;

	private final Clock clock;

	Subscriptions(SubscriptionStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public PendingSubscription request(SubscriptionRequest request) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Subscriber known = this.store.findByEmail(request.email());
		if (known == null) {
			this.store.insertPending(Subscriber
				.withoutConsent(request.email(), SubscriberStatus.PENDING_CONFIRMATION, request.language(), now)
				.withNames(request.firstName(), request.lastName(), request.company()));
		}
		Instant expiresAt = now.plus(CONFIRMATION_VALIDITY);
		String id = this.store.saveRequest(request, now, expiresAt);
		boolean confirmationWanted = known == null || known.getStatus() != SubscriberStatus.COMPLAINED;
		return new PendingSubscription(id, request.email(), request.firstName(), request.language(), expiresAt,
				confirmationWanted);
	}

	/**
	 * @param ipAddress the address of the client confirming
	 */
	public Confirmation confirm(String requestId, String ipAddress) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return this.store.confirm(requestId, ipAddress, now);
	}

	/** What a confirmation did. */
	public enum Confirmation {

		/** The subscriber is now active with an express consent. */
		CONFIRMED,

		/** It was confirmed before: nothing changed. */
		ALREADY_CONFIRMED,

		/** No such request (deleted, or from another installation). */
		UNKNOWN

	}

}

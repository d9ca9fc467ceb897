package io.infolettre.newsletter.subscriber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.infolettre.newsletter.subscriber.internal.SubscriptionStore;

import org.springframework.stereotype.Service;

/**
 * Double opt-in: a request from the public form is stored (a new address becomes a subscriber
 * PENDING_CONFIRMATION, with no consent); confirming it through the emailed link records an express
 * consent with its proof — the text shown, the client's address, when it was asked and when it was
 * confirmed — and makes the subscriber ACTIVE on the lists chosen ({@link Subscriber#confirmSubscription}:
 * a known person's details are never replaced by what the form was given). Confirming twice changes
 * nothing. An address gets a bounded number of confirmation emails a day, so that the form cannot be
 * used to flood a mailbox.
 */
@Service
public class Subscriptions {

	/** How long a confirmation link works. */
	public static final Duration CONFIRMATION_VALIDITY = Duration.ofDays(7);

	/** The window the per-address limit counts requests in. */
	static final Duration LIMIT_WINDOW = Duration.ofDays(1);

	private final SubscriptionStore store;

	private final Clock clock;

	Subscriptions(SubscriptionStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Stores the request, when its confirmation email is to be sent.
	 * @param perAddressPerDay how many confirmation emails an address may get in 24 hours
	 * @return the request to send the confirmation of; empty when none is sent: the address
	 * complained about our messages (we never write to it again), or got {@code perAddressPerDay}
	 * confirmation emails in the last 24 hours. Whoever submitted the form is never told which.
	 */
	public Optional<PendingSubscription> request(SubscriptionRequest request, int perAddressPerDay) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Subscriber known = this.store.findByEmail(request.email());
		if (known != null && known.getStatus() == SubscriberStatus.COMPLAINED) {
			return Optional.empty();
		}
		if (this.store.countRequestsSince(request.email(), now.minus(LIMIT_WINDOW)) >= perAddressPerDay) {
			return Optional.empty();
		}
		if (known == null) {
			this.store.insertPending(Subscriber
				.withoutConsent(request.email(), SubscriberStatus.PENDING_CONFIRMATION, request.language(), now)
				.withNames(request.firstName(), request.lastName(), request.company()));
		}
		Instant expiresAt = now.plus(CONFIRMATION_VALIDITY);
		String id = this.store.saveRequest(request, now, expiresAt);
		return Optional.of(new PendingSubscription(id, request.email(), request.language(), expiresAt));
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

package io.infolettre.newsletter.subscriber;

import java.time.Clock;
import java.util.List;

import io.infolettre.newsletter.subscriber.internal.SubscriberStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Changes to subscribers: adding them and honouring their unsubscribe at once (CASL). */
@Service
public class SubscriberManagement {

	private final SubscriberStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriberManagement(SubscriberStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** Inserts the subscribers whose address is not known yet; returns how many were new. */
	public int addAll(List<Subscriber> subscribers) {
		return this.store.insertNew(subscribers);
	}

	/**
	 * Unsubscribes at once. Idempotent: a second request changes nothing and publishes nothing.
	 * @return whether this call unsubscribed the subscriber
	 */
	public boolean unsubscribe(String subscriberId, String origin) {
		var now = this.clock.instant();
		boolean changed = this.store.markUnsubscribed(subscriberId, now);
		if (changed) {
			this.events.publishEvent(new SubscriberUnsubscribed(subscriberId, origin, now));
		}
		return changed;
	}

	/**
	 * A relay refused the address for good. After {@code threshold} such refusals the subscriber is
	 * BOUNCED and no longer selected for any send.
	 */
	public boolean recordHardBounce(String subscriberId, int threshold) {
		return this.store.recordHardBounce(subscriberId, threshold, this.clock.instant());
	}

	/** The member marked a message as spam: no send reaches them again. */
	public boolean recordComplaint(String subscriberId) {
		return this.store.markComplained(subscriberId, this.clock.instant());
	}

}

package io.infolettre.newsletter.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.subscriber.internal.SubscriberStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Changes to subscribers: adding them and honouring their unsubscribe at once (CASL). */
@Service
public class SubscriberManagement implements SubscriberEngagement {

	private final SubscriberStore store;

	private final UnsubscribeLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriberManagement(SubscriberStore store, UnsubscribeLog log, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	/** Inserts the subscribers whose address is not known yet; returns how many were new. */
	public int addAll(List<Subscriber> subscribers) {
		return this.store.insertNew(subscribers);
	}

	/**
	 * Unsubscribes at once (the next message of any send, running ones included, is not sent) and
	 * records it in the audit log. Idempotent: a second request changes nothing, logs nothing and
	 * publishes nothing.
	 * @param issueId the issue whose message the request came through, if any
	 * @return whether this call unsubscribed the subscriber
	 */
	public boolean unsubscribe(String subscriberId, UnsubscribeChannel channel, String issueId) {
		var now = this.clock.instant();
		Optional<Subscriber> before = this.store.markUnsubscribed(subscriberId, now);
		before.ifPresent(subscriber -> {
			this.log.append(new UnsubscribeEntry(subscriberId, subscriber.getEmail().value(), channel, issueId, now, now));
			this.events.publishEvent(new SubscriberUnsubscribed(subscriberId, channel, issueId, now));
		});
		return before.isPresent();
	}

	/**
	 * Blocks an address not known yet: it is stored as unsubscribed, without consent, so that no import
	 * or form adds it without a new express consent; the log records it like any unsubscribe.
	 * @return whether the address was new (a known one is unsubscribed with {@link #unsubscribe})
	 */
	public boolean block(EmailAddress email, UnsubscribeChannel channel) {
		var now = this.clock.instant();
		var blocked = Subscriber.withoutConsent(email, SubscriberStatus.UNSUBSCRIBED, null, now);
		if (this.store.insertNew(List.of(blocked)) == 0) {
			return this.store.findByEmail(email).map(known -> unsubscribe(known.getId(), channel, null)).orElse(false);
		}
		// a bulk insert does not hand the generated id back
		String id = this.store.findByEmail(email).map(Subscriber::getId).orElseThrow();
		this.log.append(new UnsubscribeEntry(id, email.value(), channel, null, now, now));
		this.events.publishEvent(new SubscriberUnsubscribed(id, channel, null, now));
		return true;
	}

	/** The member's choices from the preference center; effective for the next message of any send. */
	public boolean updatePreferences(String subscriberId, Preferences preferences) {
		return this.store.updatePreferences(subscriberId, preferences, this.clock.instant());
	}

	/**
	 * A relay refused the address for good. After {@code threshold} such refusals the subscriber is
	 * BOUNCED and no longer selected for any send.
	 */
	public boolean recordHardBounce(String subscriberId, int threshold) {
		return this.store.recordHardBounce(subscriberId, threshold, this.clock.instant());
	}

	/** The member marked a message as spam: no send reaches them again, and the log says why. */
	public boolean recordComplaint(String subscriberId, String issueId) {
		var now = this.clock.instant();
		Optional<Subscriber> before = this.store.markComplained(subscriberId, now);
		before.ifPresent(subscriber -> this.log.append(new UnsubscribeEntry(subscriberId, subscriber.getEmail().value(),
				UnsubscribeChannel.COMPLAINT, issueId, now, now)));
		return before.isPresent();
	}

	/**
	 * A batch of first opens of one issue (by people, as the open recorder classified them): the
	 * subscribers' engagement, which segments select on ("opened one of the last N issues").
	 * @param lastOpenAt the latest open of the batch
	 */
	@Override
	public void recordOpens(String issueId, Collection<String> subscriberIds, Instant lastOpenAt) {
		this.store.recordOpens(issueId, subscriberIds, lastOpenAt);
	}

}

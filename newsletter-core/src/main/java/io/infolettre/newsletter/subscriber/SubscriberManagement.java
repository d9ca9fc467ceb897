package io.infolettre.newsletter.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import io.infolettre.newsletter.subscriber.internal.SubscriberChanges;
import io.infolettre.newsletter.subscriber.internal.SubscriberStore;

import org.springframework.stereotype.Service;

/**
 * Changes to subscribers: adding them, the coordinator's corrections (each through the aggregate, and
 * written only if the subscriber did not change meanwhile), and the transitions the person or the
 * relay asks for (unsubscribe at once (CASL), complaint, hard bounce, preferences), made through the
 * aggregate and written whatever changes came meanwhile ({@link SubscriberChanges}).
 */
@Service
public class SubscriberManagement implements SubscriberEngagement {

	private static final int COMPANY_CONTACTS = 10_000;

	private final SubscriberStore store;

	private final SubscriberChanges changes;

	private final UnsubscribeLog log;

	private final Clock clock;

	private final Companies companies;

	private final AttributeDefinitions definitions;

	SubscriberManagement(SubscriberStore store, SubscriberChanges changes, UnsubscribeLog log,
			Clock clock, Companies companies, AttributeDefinitions definitions) {
		this.store = store;
		this.changes = changes;
		this.log = log;
		this.clock = clock;
		this.companies = companies;
		this.definitions = definitions;
	}

	/**
	 * Inserts the subscribers whose address is not known yet; returns how many were new. Their
	 * companies are created when missing (one bulk of upserts for the batch's distinct names).
	 */
	public int addAll(List<Subscriber> subscribers) {
		int added = this.store.insertNew(subscribers);
		this.companies.ensureExist(subscribers.stream().map(Subscriber::getCompany).collect(Collectors.toSet()));
		return added;
	}

	/** Adds one subscriber (and their company when new); refuses an address already known. */
	public Subscriber add(Subscriber subscriber) {
		Subscriber added = this.store.insert(subscriber);
		this.companies.ensureExist(Collections.singleton(subscriber.getCompany()));
		return added;
	}

	/** @throws SubscriberNotFoundException when no subscriber has this id */
	public Subscriber get(String subscriberId) {
		return this.store.findById(subscriberId).orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
	}

	/** The coordinator corrects names, company, language or the tracking choice. */
	public Subscriber editDetails(String subscriberId, String firstName, String lastName, String company,
			String language, boolean trackingRefused) {
		Subscriber changed = change(subscriberId,
				(subscriber, now) -> subscriber.editDetails(firstName, lastName, company, language, trackingRefused, now));
		this.companies.ensureExist(Collections.singleton(changed.getCompany()));
		return changed;
	}

	/**
	 * Sets attributes from what the coordinator typed (a blank value removes one), all or none.
	 * @throws IllegalArgumentException for an unknown attribute or a value of the wrong type
	 */
	public Subscriber setAttributes(String subscriberId, Map<String, String> values) {
		Map<AttributeDefinition, String> typed = new LinkedHashMap<>();
		values.forEach((name, raw) -> typed.put(this.definitions.find(name)
			.orElseThrow(() -> new IllegalArgumentException("Attribut inconnu : " + name)), raw));
		return change(subscriberId, (subscriber, now) -> typed.forEach((definition, raw) -> subscriber.setAttribute(definition, raw, now)));
	}

	public Subscriber joinList(String subscriberId, String list) {
		return change(subscriberId, (subscriber, now) -> subscriber.joinList(list, now));
	}

	public Subscriber leaveList(String subscriberId, String list) {
		return change(subscriberId, (subscriber, now) -> subscriber.leaveList(list, now));
	}

	public Subscriber tag(String subscriberId, String tag) {
		return change(subscriberId, (subscriber, now) -> subscriber.tag(tag, now));
	}

	public Subscriber untag(String subscriberId, String tag) {
		return change(subscriberId, (subscriber, now) -> subscriber.untag(tag, now));
	}

	/**
	 * The person's new address.
	 * @throws IllegalArgumentException when it is not an address, or another subscriber's
	 */
	public Subscriber changeEmail(String subscriberId, String email) {
		EmailAddress address = EmailAddress.of(email);
		Subscriber current = get(subscriberId);
		if (current.getEmail().equals(address)) {
			return current;
		}
		this.store.findByEmail(address).filter(other -> !other.getId().equals(subscriberId)).ifPresent(other -> {
			throw new IllegalArgumentException("Cette adresse est déjà celle d’un autre abonné : " + address);
		});
		return change(subscriberId, (subscriber, now) -> subscriber.changeEmail(address, now));
	}

	/** The implied consent runs two more years from now (membership or relationship confirmed). */
	public Subscriber renewConsent(String subscriberId) {
		return change(subscriberId, (subscriber, now) -> subscriber.renewConsent(now));
	}

	/**
	 * Renews the implied consent of every contact of a company whose consent is implied and still in
	 * force or lapsed but not withdrawn (membership renewed): two more years each.
	 * @return how many were renewed
	 */
	public int renewCompanyConsents(String company) {
		int renewed = 0;
		for (Subscriber contact : this.store.findByCompany(company, COMPANY_CONTACTS)) {
			Consent consent = contact.getConsent();
			if (consent != null && consent.type().isImplied() && consent.withdrawnAt() == null
					&& contact.getStatus() != SubscriberStatus.UNSUBSCRIBED) {
				renewConsent(contact.getId());
				renewed++;
			}
		}
		return renewed;
	}

	/** Express consent given outside the platform (signed paper), with its proof. */
	public Subscriber recordExpressConsent(String subscriberId, String source, String proof) {
		return change(subscriberId, (subscriber, now) -> subscriber.recordExpressConsent(source, proof, now));
	}

	// Reads, changes through the aggregate, writes only if nobody changed it meanwhile.
	private Subscriber change(String subscriberId, BiConsumer<Subscriber, Instant> change) {
		Instant now = this.clock.instant();
		return this.changes.changeOnce(subscriberId, subscriber -> change.accept(subscriber, now))
			.orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
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
		Optional<Subscriber> unsubscribed = this.changes.transition(subscriberId,
				subscriber -> subscriber.unsubscribe(channel, issueId, now));
		unsubscribed.ifPresent(subscriber -> this.log
			.append(new UnsubscribeEntry(subscriberId, subscriber.getEmail().value(), channel, issueId, now, now)));
		return unsubscribed.isPresent();
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
		return true;
	}

	/** The member's choices from the preference center; effective for the next message of any send. */
	public boolean updatePreferences(String subscriberId, Preferences preferences) {
		var now = this.clock.instant();
		return this.changes.transition(subscriberId, subscriber -> {
			subscriber.choosePreferences(preferences, now);
			return true;
		}).isPresent();
	}

	/**
	 * A relay refused the address for good. After {@code threshold} such refusals the subscriber is
	 * BOUNCED and no longer selected for any send.
	 */
	public boolean recordHardBounce(String subscriberId, int threshold) {
		var now = this.clock.instant();
		return this.changes.transition(subscriberId, subscriber -> subscriber.recordHardBounce(threshold, now))
			.isPresent();
	}

	/** The member marked a message as spam: no send reaches them again, and the log says why. */
	public boolean recordComplaint(String subscriberId, String issueId) {
		var now = this.clock.instant();
		Optional<Subscriber> complained = this.changes.transition(subscriberId,
				subscriber -> subscriber.markComplained(now));
		complained.ifPresent(subscriber -> this.log.append(new UnsubscribeEntry(subscriberId,
				subscriber.getEmail().value(), UnsubscribeChannel.COMPLAINT, issueId, now, now)));
		return complained.isPresent();
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

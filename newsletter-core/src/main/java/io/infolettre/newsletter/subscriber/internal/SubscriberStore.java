package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.infolettre.newsletter.shared.DuplicateTolerantInserts;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Preferences;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/** MongoDB storage of subscribers. */
@Repository
public class SubscriberStore implements Subscribers {

	private final MongoTemplate mongo;

	SubscriberStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		var indexes = this.mongo.indexOps(Subscriber.class);
		indexes.createIndex(new Index().on("email", Sort.Direction.ASC).unique().named("email_unique"));
		indexes.createIndex(new Index().on(Subscriber.Fields.STATUS, Sort.Direction.ASC).named("status"));
		indexes.createIndex(new Index().on(Subscriber.Fields.LISTS, Sort.Direction.ASC).named("lists"));
	}

	@Override
	public Optional<Subscriber> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Subscriber.class));
	}

	@Override
	public Optional<Subscriber> findByEmail(EmailAddress email) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("email").is(email.value())), Subscriber.class));
	}

	@Override
	public List<Subscriber> findAllById(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where(Subscriber.Fields.ID).in(ids)), Subscriber.class);
	}

	@Override
	public long count() {
		return this.mongo.count(new Query(), Subscriber.class);
	}

	@Override
	public List<String> listNames() {
		return this.mongo.findDistinct(new Query(), Subscriber.Fields.LISTS, Subscriber.class, String.class)
			.stream()
			.sorted()
			.toList();
	}

	@Override
	public List<Subscriber> firstPage(int size) {
		return this.mongo.find(new Query().with(Sort.by(Subscriber.Fields.ID)).limit(size), Subscriber.class);
	}

	/** Inserts the subscribers whose address is not known yet (the unique index refuses the others). */
	public int insertNew(List<Subscriber> subscribers) {
		return DuplicateTolerantInserts.insert(this.mongo, Subscriber.COLLECTION, subscribers);
	}

	/**
	 * Atomic on the subscriber's id, so two concurrent requests unsubscribe (and report) once; the
	 * query names the id alone, which every MongoDB-wire server answers from its primary index.
	 */
	/** Applies the member's choices: leaves the lists not kept, sets the language and the tracking choice. */
	public boolean updatePreferences(String subscriberId, Preferences preferences, Instant at) {
		var subscriber = findById(subscriberId);
		if (subscriber.isEmpty()) {
			return false;
		}
		var kept = new TreeSet<>(subscriber.get().getLists());
		kept.retainAll(preferences.lists());
		var byId = Query.query(Criteria.where(Subscriber.Fields.ID).is(subscriberId));
		this.mongo.updateFirst(byId, new Update().set("lists", kept)
			.set("language", preferences.language())
			.set("trackingRefused", preferences.trackingRefused())
			.set("updatedAt", at), Subscriber.class);
		return true;
	}

	/** @return the subscriber as it was, when this call unsubscribed it; empty when it already was */
	public Optional<Subscriber> markUnsubscribed(String subscriberId, Instant at) {
		var byId = Query.query(Criteria.where(Subscriber.Fields.ID).is(subscriberId));
		Subscriber before = this.mongo.findAndModify(byId,
				new Update().set(Subscriber.Fields.STATUS, SubscriberStatus.UNSUBSCRIBED), Subscriber.class);
		if (before == null || before.getStatus() == SubscriberStatus.UNSUBSCRIBED) {
			return Optional.empty();
		}
		// unsubscribing withdraws the consent: no segment can select them again
		this.mongo.updateFirst(byId, new Update().set("unsubscribedAt", at)
			.set(Subscriber.Fields.CONSENT_WITHDRAWN_AT, at)
			.set("updatedAt", at), Subscriber.class);
		return Optional.of(before);
	}

	/**
	 * Counts a hard bounce; the subscriber becomes BOUNCED when the count reaches the threshold.
	 * @return whether this bounce changed the status
	 */
	public boolean recordHardBounce(String subscriberId, int threshold, Instant at) {
		var byId = Query.query(Criteria.where(Subscriber.Fields.ID).is(subscriberId));
		Subscriber after = this.mongo.findAndModify(byId, new Update().inc("hardBounces", 1).set("lastBounceAt", at),
				FindAndModifyOptions.options().returnNew(true), Subscriber.class);
		if (after == null || after.getHardBounces() < threshold || after.getStatus() != SubscriberStatus.ACTIVE) {
			return false;
		}
		this.mongo.updateFirst(byId, new Update().set(Subscriber.Fields.STATUS, SubscriberStatus.BOUNCED)
			.set("bouncedAt", at)
			.set("updatedAt", at), Subscriber.class);
		return true;
	}

	/**
	 * Remembers that these subscribers opened the issue, for the engagement rules of segments: the
	 * issue joins their last opened ones (once, the oldest beyond {@link Subscriber.Fields#ENGAGEMENT_KEPT}
	 * dropped), and the last open time moves forward. Two updates for a whole batch of opens.
	 */
	public void recordOpens(String issueId, Collection<String> subscriberIds, Instant lastOpenAt) {
		if (subscriberIds.isEmpty()) {
			return;
		}
		var notYet = Query.query(Criteria.where(Subscriber.Fields.ID)
			.in(subscriberIds)
			.and(Subscriber.Fields.ENGAGEMENT_OPENED_ISSUES)
			.ne(issueId));
		var update = new Update();
		update.push(Subscriber.Fields.ENGAGEMENT_OPENED_ISSUES).slice(-Subscriber.Fields.ENGAGEMENT_KEPT).each(issueId);
		this.mongo.updateMulti(notYet, update, Subscriber.class);
		this.mongo.updateMulti(Query.query(Criteria.where(Subscriber.Fields.ID).in(subscriberIds)),
				new Update().max(Subscriber.Fields.ENGAGEMENT_LAST_OPENED_AT, lastOpenAt), Subscriber.class);
	}

	/** A complaint (marked as spam) stops every future send at once. */
	/** @return the subscriber as it was, when this call marked it; empty when it already was */
	public Optional<Subscriber> markComplained(String subscriberId, Instant at) {
		var byId = Query.query(Criteria.where(Subscriber.Fields.ID).is(subscriberId));
		Subscriber before = this.mongo.findAndModify(byId, new Update().set(Subscriber.Fields.STATUS,
				SubscriberStatus.COMPLAINED).set("complainedAt", at).set("updatedAt", at), Subscriber.class);
		return before == null || before.getStatus() == SubscriberStatus.COMPLAINED ? Optional.empty()
				: Optional.of(before);
	}

}

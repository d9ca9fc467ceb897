package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.shared.internal.DuplicateTolerantInserts;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import io.infolettre.newsletter.subscriber.SubscriberPage;
import io.infolettre.newsletter.subscriber.SubscriberSearch;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;

import org.springframework.dao.DuplicateKeyException;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * MongoDB storage of subscribers: additions, queries and the engagement opens record. A change of
 * one subscriber goes through its aggregate and {@link SubscriberChanges}.
 */
@Repository
public class SubscriberStore implements Subscribers {

	private static final int BACKFILL_PAGE = 1000;

	private final MongoTemplate mongo;

	SubscriberStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		var indexes = this.mongo.indexOps(Subscriber.class);
		indexes.createIndex(new Index().on("email", Sort.Direction.ASC).unique().named("email_unique"));
		indexes.createIndex(new Index().on(SubscriberFields.STATUS, Sort.Direction.ASC).named("status"));
		indexes.createIndex(new Index().on(SubscriberFields.LISTS, Sort.Direction.ASC).named("lists"));
		// what the coordinator's search and the per-company view query
		Indexes.create(indexes, new Index().on(SubscriberFields.SEARCH_NAMES, Sort.Direction.ASC).named("search_names"),
				new Index().on(SubscriberFields.COMPANY_KEY, Sort.Direction.ASC).named("company_key"),
				new Index().on(SubscriberFields.COMPANY, Sort.Direction.ASC).named("company"),
				new Index().on(SubscriberFields.CONSENT_EXPIRES_AT, Sort.Direction.ASC).named("consent_expires_at"));
	}

	@Override
	public SubscriberPage search(SubscriberSearch search, String after, int size) {
		List<Criteria> all = SubscriberQueries.criteria(search);
		if (after != null) {
			all = new ArrayList<>(all);
			all.add(Criteria.where(SubscriberFields.ID).gt(after));
		}
		var criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
		List<Subscriber> found = this.mongo.find(Query.query(criteria).with(Sort.by(SubscriberFields.ID)).limit(size + 1),
				Subscriber.class);
		if (found.size() <= size) {
			return new SubscriberPage(found, null);
		}
		List<Subscriber> page = found.subList(0, size);
		return new SubscriberPage(page, page.get(size - 1).getId());
	}

	@Override
	public List<Subscriber> findByCompany(String company, int limit) {
		return this.mongo.find(Query.query(Criteria.where(SubscriberFields.COMPANY).is(company))
			.with(Sort.by(SubscriberFields.LAST_NAME, SubscriberFields.FIRST_NAME))
			.limit(limit), Subscriber.class);
	}

	@Override
	public List<Subscriber> consentsLapsingBefore(Instant until, int limit) {
		return this.mongo.find(Query.query(Criteria.where(SubscriberFields.CONSENT_EXPIRES_AT).lte(until)
			.and(SubscriberFields.CONSENT_WITHDRAWN_AT)
			.is(null)
			.and(SubscriberFields.STATUS)
			.ne(SubscriberStatus.UNSUBSCRIBED)).with(Sort.by(SubscriberFields.CONSENT_EXPIRES_AT)).limit(limit),
				Subscriber.class);
	}

	/** Adds one subscriber; refuses an address already known. */
	public Subscriber insert(Subscriber subscriber) {
		try {
			return this.mongo.insert(subscriber);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("Cette adresse est déjà abonnée : " + subscriber.getEmail());
		}
	}

	/** Removes the subscriber's document; true when there was one. */
	public boolean delete(String subscriberId) {
		return this.mongo.remove(Query.query(Criteria.where(SubscriberFields.ID).is(subscriberId)), Subscriber.class)
			.getDeletedCount() > 0;
	}

	/** The distinct company names of the subscribers (answered from the company index). */
	public List<String> companyNames() {
		return this.mongo.findDistinct(new Query(), SubscriberFields.COMPANY, Subscriber.class, String.class);
	}

	/**
	 * Gives the folded search keys to subscribers stored before they existed, a page at a time;
	 * finds nothing to do (one indexed query) once done.
	 * @return how many subscribers were given their keys
	 */
	public int backfillSearchKeys() {
		int done = 0;
		while (true) {
			var query = Query.query(Criteria.where(SubscriberFields.SEARCH_NAMES).exists(false)).limit(BACKFILL_PAGE);
			List<Subscriber> page = this.mongo.find(query, Subscriber.class);
			if (page.isEmpty()) {
				return done;
			}
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Subscriber.class);
			for (Subscriber subscriber : page) {
				var keys = subscriber.searchKeys();
				bulk.updateOne(Query.query(Criteria.where(SubscriberFields.ID).is(subscriber.getId())),
						new Update().set(SubscriberFields.SEARCH_NAMES, keys.names())
							.set(SubscriberFields.COMPANY_KEY, keys.company()));
			}
			bulk.execute();
			done += page.size();
		}
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
		return this.mongo.find(Query.query(Criteria.where(SubscriberFields.ID).in(ids)), Subscriber.class);
	}

	@Override
	public long count() {
		return this.mongo.count(new Query(), Subscriber.class);
	}

	@Override
	public List<String> listNames() {
		return this.mongo.findDistinct(new Query(), SubscriberFields.LISTS, Subscriber.class, String.class)
			.stream()
			.sorted()
			.toList();
	}

	@Override
	public List<Subscriber> firstPage(int size) {
		return this.mongo.find(new Query().with(Sort.by(SubscriberFields.ID)).limit(size), Subscriber.class);
	}

	/** Inserts the subscribers whose address is not known yet (the unique index refuses the others). */
	public int insertNew(List<Subscriber> subscribers) {
		return DuplicateTolerantInserts.insert(this.mongo, Subscriber.COLLECTION, subscribers);
	}

	/**
	 * Remembers that these subscribers opened the issue, for the engagement rules of segments: the
	 * issue joins their last opened ones (once, the oldest beyond {@link SubscriberFields#ENGAGEMENT_KEPT}
	 * dropped), and the last open time moves forward. One update for a whole batch of opens.
	 */
	public void recordOpens(String issueId, Collection<String> subscriberIds, Instant lastOpenAt) {
		if (subscriberIds.isEmpty()) {
			return;
		}
		var notYet = Query.query(Criteria.where(SubscriberFields.ID)
			.in(subscriberIds)
			.and(SubscriberFields.ENGAGEMENT_OPENED_ISSUES)
			.ne(issueId));
		// a subscriber who has the issue already had its time of reading it too
		var update = new Update().max(SubscriberFields.ENGAGEMENT_LAST_OPENED_AT, lastOpenAt);
		update.push(SubscriberFields.ENGAGEMENT_OPENED_ISSUES).slice(-SubscriberFields.ENGAGEMENT_KEPT).each(issueId);
		this.mongo.updateMulti(notYet, update, Subscriber.class);
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryProgress;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.shared.DuplicateTolerantInserts;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * The delivery ledger in MongoDB. Every access during a send is by exact id (see {@link LedgerKeys})
 * and every write that changes many entries is one bulk operation. A head document per issue holds
 * the next sequence number and live counters, so progress is one lookup however large the send;
 * the counters are recomputed from the ledger when a send ends.
 */
@Repository
public class DeliveryStore implements Deliveries {

	static final String HEADS = "delivery_heads";

	static final String ISSUE_ID = "issueId";

	static final String SUBSCRIBER_ID = "subscriberId";

	static final String STATUS = "status";

	private static final Map<DeliveryStatus, String> COUNTERS = Map.of(DeliveryStatus.SENT, "sent",
			DeliveryStatus.FAILED_TEMPORARY, "failedTemporary", DeliveryStatus.FAILED_PERMANENT, "failedPermanent",
			DeliveryStatus.SKIPPED, "skipped");

	private final MongoTemplate mongo;

	DeliveryStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		this.mongo.indexOps(Delivery.COLLECTION)
			.createIndex(new Index().on(ISSUE_ID, Sort.Direction.ASC)
				.on(SUBSCRIBER_ID, Sort.Direction.ASC)
				.unique()
				.named("issue_subscriber_unique"));
	}

	@Override
	public Optional<Delivery> findById(String deliveryId) {
		if (!LedgerKeys.isValid(deliveryId)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(deliveryId, Delivery.class));
	}

	@Override
	public DeliveryProgress progress(String issueId) {
		Document head = this.mongo.findById(issueId, Document.class, HEADS);
		if (head == null) {
			return DeliveryProgress.NONE;
		}
		long total = count(head, "total");
		long sent = count(head, "sent");
		long failedTemporary = count(head, "failedTemporary");
		long failedPermanent = count(head, "failedPermanent");
		long skipped = count(head, "skipped");
		long pending = Math.max(0, total - sent - failedTemporary - failedPermanent - skipped);
		return new DeliveryProgress(total, pending, 0, sent, failedTemporary, failedPermanent, skipped,
				count(head, "opened"), count(head, "unsubscribed"));
	}

	/** The number of sequence numbers handed out for this issue: entries have ids below it. */
	long sequenceEnd(String issueId) {
		Document head = this.mongo.findById(issueId, Document.class, HEADS);
		return head == null ? 0 : count(head, "next");
	}

	/**
	 * Adds a PENDING entry per subscriber not yet in the ledger of this issue. The sequence numbers
	 * are reserved before the insert, so a crash between the two leaves a gap, never a collision.
	 */
	void freeze(String issueId, List<String> subscriberIds, Instant now) {
		Document before = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(issueId)),
				new Update().inc("next", subscriberIds.size()), FindAndModifyOptions.options().upsert(true),
				Document.class, HEADS);
		long first = before == null ? 0 : count(before, "next");
		List<Document> entries = new ArrayList<>(subscriberIds.size());
		for (int i = 0; i < subscriberIds.size(); i++) {
			entries.add(new Document("_id", LedgerKeys.id(issueId, first + i)).append(ISSUE_ID, issueId)
				.append(SUBSCRIBER_ID, subscriberIds.get(i))
				.append(STATUS, DeliveryStatus.PENDING.name())
				.append("createdAt", now));
		}
		// a subscriber already frozen (a restarted freeze) is refused by the (issue, subscriber) index
		int added = DuplicateTolerantInserts.insert(this.mongo, Delivery.COLLECTION, entries);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(issueId)), new Update().inc("total", added), HEADS);
	}

	/** The entries with sequence numbers in [from, from + count), in order; gaps are skipped. */
	List<Document> page(String issueId, long from, int count) {
		List<String> ids = new ArrayList<>(count);
		for (long seq = from; seq < from + count; seq++) {
			ids.add(LedgerKeys.id(issueId, seq));
		}
		var query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include(SUBSCRIBER_ID, STATUS);
		List<Document> entries = new ArrayList<>(this.mongo.find(query, Document.class, Delivery.COLLECTION));
		entries.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
		return entries;
	}

	/** Claims entries just before they go on the wire. */
	void markSending(Collection<String> deliveryIds) {
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(deliveryIds)),
				new Update().set(STATUS, DeliveryStatus.SENDING.name()), Delivery.COLLECTION);
	}

	/** Gives back claimed entries that were not sent (the relay went away before them). */
	void releaseToPending(Collection<String> deliveryIds) {
		if (deliveryIds.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(deliveryIds)),
				new Update().set(STATUS, DeliveryStatus.PENDING.name()), Delivery.COLLECTION);
	}

	/** Records the outcome of a chunk in one bulk write, then moves the live counters. */
	void recordOutcomes(String issueId, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, Delivery.COLLECTION);
		var counts = new EnumMap<DeliveryStatus, Integer>(DeliveryStatus.class);
		for (Outcome outcome : outcomes) {
			var update = new Update().set(STATUS, outcome.status().name())
				.set("email", outcome.email())
				.set("updatedAt", outcome.at());
			if (outcome.status() == DeliveryStatus.SENT) {
				update.set("messageId", outcome.messageId()).set("sentAt", outcome.at()).unset("error");
			}
			else {
				update.set("error", outcome.error());
			}
			bulk.updateOne(Query.query(Criteria.where("_id").is(outcome.deliveryId())), update);
			counts.merge(outcome.status(), 1, Integer::sum);
		}
		bulk.execute();
		var increments = new Update();
		counts.forEach((status, n) -> increments.inc(COUNTERS.get(status), n));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(issueId)), increments, HEADS);
	}

	/** Counts an open; only the first one of a delivery counts as a unique open. */
	public boolean recordOpen(String deliveryId, Instant at) {
		Document before = incrementAndGetPrevious(deliveryId, "opens");
		if (before == null) {
			return false;
		}
		if (count(before, "opens") == 0) {
			setById(deliveryId, "openedAt", at);
			incrementHead(LedgerKeys.issueOf(deliveryId), "opened");
		}
		return true;
	}

	public void recordUnsubscribe(String deliveryId, Instant at) {
		Document before = incrementAndGetPrevious(deliveryId, "unsubscribeRequests");
		if (before != null && count(before, "unsubscribeRequests") == 0) {
			setById(deliveryId, "unsubscribedAt", at);
			incrementHead(LedgerKeys.issueOf(deliveryId), "unsubscribed");
		}
	}

	/** Recomputes an issue's counters from its ledger entries: exact, whatever happened during the send. */
	DeliveryProgress recount(String issueId) {
		var counts = new EnumMap<DeliveryStatus, Long>(DeliveryStatus.class);
		var byStatus = Aggregation.newAggregation(Aggregation.match(Criteria.where(ISSUE_ID).is(issueId)),
				Aggregation.group(STATUS).count().as("n"));
		for (Document row : this.mongo.aggregate(byStatus, Delivery.COLLECTION, Document.class)) {
			counts.put(DeliveryStatus.valueOf(row.getString("_id")), ((Number) row.get("n")).longValue());
		}
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		long opened = this.mongo.count(
				Query.query(Criteria.where(ISSUE_ID).is(issueId).and("openedAt").exists(true)), Delivery.COLLECTION);
		long unsubscribed = this.mongo.count(
				Query.query(Criteria.where(ISSUE_ID).is(issueId).and("unsubscribedAt").exists(true)),
				Delivery.COLLECTION);
		var update = new Update().set("total", total).set("opened", opened).set("unsubscribed", unsubscribed);
		COUNTERS.forEach((status, field) -> update.set(field, counts.getOrDefault(status, 0L)));
		this.mongo.upsert(Query.query(Criteria.where("_id").is(issueId)), update, HEADS);
		return new DeliveryProgress(total, counts.getOrDefault(DeliveryStatus.PENDING, 0L),
				counts.getOrDefault(DeliveryStatus.SENDING, 0L), counts.getOrDefault(DeliveryStatus.SENT, 0L),
				counts.getOrDefault(DeliveryStatus.FAILED_TEMPORARY, 0L),
				counts.getOrDefault(DeliveryStatus.FAILED_PERMANENT, 0L), counts.getOrDefault(DeliveryStatus.SKIPPED, 0L),
				opened, unsubscribed);
	}

	// Queries by _id alone: the embedded server serves only those from an index.
	private Document incrementAndGetPrevious(String deliveryId, String field) {
		if (!LedgerKeys.isValid(deliveryId)) {
			return null;
		}
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(deliveryId)), new Update().inc(field, 1),
				Document.class, Delivery.COLLECTION);
	}

	private void setById(String deliveryId, String field, Object value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId)), new Update().set(field, value),
				Delivery.COLLECTION);
	}

	private void incrementHead(String issueId, String counter) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(issueId)), new Update().inc(counter, 1), HEADS);
	}

	private static long count(Document document, String field) {
		Object value = document.get(field);
		return value instanceof Number n ? n.longValue() : 0;
	}

	/** The result of one ledger entry's attempt. */
	record Outcome(String deliveryId, DeliveryStatus status, String email, String messageId, String error,
			Instant at) {
	}

}

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
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * The delivery ledger in MongoDB. Every write that changes many entries is one bulk operation;
 * uniqueness of (issue, subscriber) is enforced by an index, so freezing twice adds nobody twice.
 */
@Repository
public class DeliveryStore implements Deliveries {

	static final String ISSUE_ID = "issueId";

	static final String SUBSCRIBER_ID = "subscriberId";

	static final String STATUS = "status";

	private final MongoTemplate mongo;

	DeliveryStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		var indexes = this.mongo.indexOps(Delivery.COLLECTION);
		indexes.createIndex(new Index().on(ISSUE_ID, Sort.Direction.ASC)
			.on(SUBSCRIBER_ID, Sort.Direction.ASC)
			.unique()
			.named("issue_subscriber_unique"));
		indexes.createIndex(new Index().on(ISSUE_ID, Sort.Direction.ASC)
			.on(STATUS, Sort.Direction.ASC)
			.on("_id", Sort.Direction.ASC)
			.named("issue_status_id"));
	}

	@Override
	public Optional<Delivery> findById(String deliveryId) {
		if (!ObjectId.isValid(deliveryId)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(new ObjectId(deliveryId), Delivery.class));
	}

	@Override
	public DeliveryProgress progress(String issueId) {
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
		return new DeliveryProgress(total, get(counts, DeliveryStatus.PENDING), get(counts, DeliveryStatus.SENDING),
				get(counts, DeliveryStatus.SENT), get(counts, DeliveryStatus.FAILED_TEMPORARY),
				get(counts, DeliveryStatus.FAILED_PERMANENT), get(counts, DeliveryStatus.SKIPPED), opened,
				unsubscribed);
	}

	private static long get(Map<DeliveryStatus, Long> counts, DeliveryStatus status) {
		return counts.getOrDefault(status, 0L);
	}

	/** Adds a PENDING entry per subscriber not yet in the ledger of this issue. */
	void freeze(String issueId, List<String> subscriberIds, Instant now) {
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, Delivery.COLLECTION);
		for (String subscriberId : subscriberIds) {
			bulk.upsert(Query.query(Criteria.where(ISSUE_ID).is(issueId).and(SUBSCRIBER_ID).is(subscriberId)),
					new Update().setOnInsert(STATUS, DeliveryStatus.PENDING.name()).setOnInsert("createdAt", now));
		}
		bulk.execute();
	}

	/** The next PENDING entries after {@code after}, in id order (keyset paging, never skip). */
	List<Document> pendingAfter(String issueId, ObjectId after, int limit) {
		var criteria = Criteria.where(ISSUE_ID).is(issueId).and(STATUS).is(DeliveryStatus.PENDING.name());
		if (after != null) {
			criteria = criteria.and("_id").gt(after);
		}
		var query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
		query.fields().include(SUBSCRIBER_ID);
		return this.mongo.find(query, Document.class, Delivery.COLLECTION);
	}

	/** Claims entries just before they go on the wire. */
	void markSending(Collection<String> deliveryIds) {
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(objectIds(deliveryIds))),
				new Update().set(STATUS, DeliveryStatus.SENDING.name()), Delivery.COLLECTION);
	}

	/** Gives back claimed entries that were not sent (the relay went away before them). */
	void releaseToPending(Collection<String> deliveryIds) {
		if (deliveryIds.isEmpty()) {
			return;
		}
		this.mongo.updateMulti(
				Query.query(Criteria.where("_id").in(objectIds(deliveryIds)).and(STATUS)
					.is(DeliveryStatus.SENDING.name())),
				new Update().set(STATUS, DeliveryStatus.PENDING.name()), Delivery.COLLECTION);
	}

	/** Records the outcome of a chunk in one bulk write. */
	void recordOutcomes(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, Delivery.COLLECTION);
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
			bulk.updateOne(Query.query(Criteria.where("_id").is(new ObjectId(outcome.deliveryId()))), update);
		}
		bulk.execute();
	}

	public boolean recordOpen(String deliveryId, Instant at) {
		if (!ObjectId.isValid(deliveryId)) {
			return false;
		}
		var id = Criteria.where("_id").is(new ObjectId(deliveryId));
		boolean exists = this.mongo.updateFirst(Query.query(id), new Update().inc("opens", 1), Delivery.COLLECTION)
			.getMatchedCount() == 1;
		if (exists) {
			// conditional: only the first open sets openedAt
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(deliveryId))
				.and("openedAt").exists(false)), new Update().set("openedAt", at), Delivery.COLLECTION);
		}
		return exists;
	}

	public void recordUnsubscribe(String deliveryId, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(deliveryId))
			.and("unsubscribedAt").exists(false)), new Update().set("unsubscribedAt", at), Delivery.COLLECTION);
	}

	private static List<ObjectId> objectIds(Collection<String> ids) {
		var objectIds = new ArrayList<ObjectId>(ids.size());
		ids.forEach(id -> objectIds.add(new ObjectId(id)));
		return objectIds;
	}

	/** The result of one ledger entry's attempt. */
	record Outcome(String deliveryId, DeliveryStatus status, String email, String messageId, String error,
			Instant at) {
	}

}

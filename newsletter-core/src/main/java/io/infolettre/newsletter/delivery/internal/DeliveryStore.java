package io.infolettre.newsletter.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliveryProgress;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.EventCounts;
import io.infolettre.newsletter.tracking.OpenClass;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.ATTEMPTS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.COUNTERS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.HEADS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.IN_FLIGHT;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.ISSUE_ID;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.RETRY_AT;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.STATUS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.SUBSCRIBER_ID;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.byId;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.count;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.entry;

/**
 * The delivery ledger in MongoDB, as the rest of the application reads it (an issue's progress is
 * one lookup of its head, however large the send), and the changes to a whole issue's ledger between
 * two runs of its send: the counters recomputed when a run ends, a cancel, a resend. What a running
 * send writes is the {@link SendLedger}'s; what recipients do with their messages, the
 * {@link MongoResponseLedger}'s.
 */
@Repository
public class DeliveryStore implements Deliveries {

	private static final int RECOUNT_PAGE = 1000;

	// A rate older than this is from a send that stopped: not shown as current.
	private static final Duration RATE_FRESHNESS = Duration.ofSeconds(15);

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
		// No (issueId, status) index on purpose: every claim and confirmation would update it (a quarter
		// of the embedded server's write cost, measured); reconciliation filters one issue's entries,
		// which the index above already narrows to that issue on a real MongoDB.
		// The two below hold fields no write changes: one issue's entries in id order (the lists and
		// exports), and one subscriber's entries (their engagement history).
		this.mongo.indexOps(Delivery.COLLECTION)
			.createIndex(new Index().on(ISSUE_ID, Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("issue_id_order"));
		this.mongo.indexOps(Delivery.COLLECTION)
			.createIndex(new Index().on(SUBSCRIBER_ID, Sort.Direction.ASC).named("subscriber"));
	}

	@Override
	public Optional<Delivery> findById(String deliveryId) {
		if (!DeliveryIds.isValid(deliveryId)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findOne(Query.query(entry(deliveryId)), Delivery.class));
	}

	@Override
	public List<Delivery> list(String issueId, Set<DeliveryStatus> statuses, int page, int size) {
		var query = byIssueAndStatus(issueId, statuses).with(Sort.by("_id")).skip((long) page * size).limit(size);
		return this.mongo.find(query, Delivery.class);
	}

	@Override
	public void forEach(String issueId, Set<DeliveryStatus> statuses, Consumer<Delivery> action) {
		try (var stream = this.mongo.stream(byIssueAndStatus(issueId, statuses).with(Sort.by("_id")), Delivery.class)) {
			stream.forEach(action);
		}
	}

	private static Query byIssueAndStatus(String issueId, Set<DeliveryStatus> statuses) {
		var criteria = Criteria.where(ISSUE_ID).is(issueId);
		if (!statuses.isEmpty()) {
			criteria.and(STATUS).in(statuses.stream().map(Enum::name).toList());
		}
		return Query.query(criteria);
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
		long uncertain = count(head, "uncertain");
		long pending = Math.max(0, total - sent - failedTemporary - failedPermanent - skipped - uncertain);
		Date rateAt = head.getDate("rateAt");
		double rate = rateAt != null && rateAt.toInstant().isAfter(Instant.now().minus(RATE_FRESHNESS))
				&& head.get("rate") instanceof Number n ? n.doubleValue() : 0;
		long sending = head.get(IN_FLIGHT) instanceof Document connections ? connections.size() : 0;
		return new DeliveryProgress(total, Math.max(0, pending - sending), sending, sent, failedTemporary,
				failedPermanent, skipped, uncertain, count(head, "opened"), count(head, "unsubscribed"), rate);
	}

	@Override
	public EventCounts opens(String issueId) {
		return events(issueId, "opened", "openEvents", "openClasses");
	}

	@Override
	public EventCounts clicks(String issueId) {
		return events(issueId, "clicked", "clickEvents", "clickClasses");
	}

	private EventCounts events(String issueId, String unique, String events, String classes) {
		Document head = this.mongo.findById(issueId, Document.class, HEADS);
		if (head == null) {
			return EventCounts.NONE;
		}
		Map<OpenClass, Long> byClass = new EnumMap<>(OpenClass.class);
		if (head.get(classes) instanceof Document counts) {
			counts.forEach((type, count) -> byClass.put(OpenClass.valueOf(type), ((Number) count).longValue()));
		}
		return new EventCounts(count(head, unique), count(head, events), byClass);
	}

	/**
	 * Puts the entries not delivered (failed or uncertain) back to PENDING for another round; the send
	 * skips those who can no longer receive mail (a hard bounce made them BOUNCED). Every entry in
	 * those statuses is reset, so their counters go to zero without a recount.
	 */
	public long resetUndelivered(String issueId, Instant at) {
		List<DeliveryStatus> undelivered = List.of(DeliveryStatus.FAILED_TEMPORARY, DeliveryStatus.FAILED_PERMANENT,
				DeliveryStatus.UNCERTAIN);
		var query = Query.query(
				Criteria.where(ISSUE_ID).is(issueId).and(STATUS).in(undelivered.stream().map(Enum::name).toList()));
		long reset = this.mongo.updateMulti(query, new Update().set(STATUS, DeliveryStatus.PENDING.name())
			.set(ATTEMPTS, 0)
			.unset(RETRY_AT)
			.set("resentAt", at), Delivery.COLLECTION).getModifiedCount();
		var counters = new Update();
		undelivered.forEach(status -> counters.set(COUNTERS.get(status), 0));
		this.mongo.updateFirst(byId(issueId), counters, HEADS);
		return reset;
	}

	/**
	 * A cancelled send: whoever was still waiting is skipped, with the reason. The cancel and the end of
	 * the job both call this, sometimes at the same moment; the embedded server then reports the same
	 * entries modified by both, so the counter is set from the ledger rather than moved by the reports.
	 */
	public long cancelPending(String issueId, Instant at) {
		var query = Query.query(Criteria.where(ISSUE_ID).is(issueId).and(STATUS).is(DeliveryStatus.PENDING.name()));
		long skipped = this.mongo.updateMulti(query, new Update().set(STATUS, DeliveryStatus.SKIPPED.name())
			.set("error", "Envoi annulé")
			.set("updatedAt", at), Delivery.COLLECTION).getModifiedCount();
		if (skipped > 0) {
			long allSkipped = this.mongo.count(
					Query.query(Criteria.where(ISSUE_ID).is(issueId).and(STATUS).is(DeliveryStatus.SKIPPED.name())),
					Delivery.COLLECTION);
			this.mongo.updateFirst(byId(issueId), new Update().set(COUNTERS.get(DeliveryStatus.SKIPPED), allSkipped),
					HEADS);
		}
		return skipped;
	}

	/**
	 * Recomputes an issue's counters from its ledger entries: exact, whatever happened during the send.
	 * Walks the ledger a page of exact ids at a time, so memory stays flat and every MongoDB-wire server
	 * answers from its primary index, however large the issue.
	 */
	public DeliveryProgress recount(String issueId) {
		var counts = new EnumMap<DeliveryStatus, Long>(DeliveryStatus.class);
		long opened = 0;
		long unsubscribed = 0;
		Document head = this.mongo.findById(issueId, Document.class, HEADS);
		long end = head == null ? 0 : count(head, "next");
		for (long from = 0; from < end; from += RECOUNT_PAGE) {
			List<String> ids = new ArrayList<>(RECOUNT_PAGE);
			for (long seq = from; seq < Math.min(end, from + RECOUNT_PAGE); seq++) {
				ids.add(DeliveryIds.id(issueId, seq));
			}
			var query = Query.query(Criteria.where("_id").in(ids));
			query.fields().include(STATUS, "openedAt", "unsubscribedAt");
			for (Document entry : this.mongo.find(query, Document.class, Delivery.COLLECTION)) {
				counts.merge(DeliveryStatus.valueOf(entry.getString(STATUS)), 1L, Long::sum);
				opened += entry.containsKey("openedAt") ? 1 : 0;
				unsubscribed += entry.containsKey("unsubscribedAt") ? 1 : 0;
			}
		}
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		var update = new Update().set("total", total).set("opened", opened).set("unsubscribed", unsubscribed)
			.unset("rate");
		COUNTERS.forEach((status, field) -> update.set(field, counts.getOrDefault(status, 0L)));
		this.mongo.upsert(byId(issueId), update, HEADS);
		long pending = counts.getOrDefault(DeliveryStatus.PENDING, 0L);
		long sending = Math.min(pending,
				LedgerDocuments.inFlight(this.mongo.findById(issueId, Document.class, HEADS)).size());
		return new DeliveryProgress(total, pending - sending, sending, counts.getOrDefault(DeliveryStatus.SENT, 0L),
				counts.getOrDefault(DeliveryStatus.FAILED_TEMPORARY, 0L),
				counts.getOrDefault(DeliveryStatus.FAILED_PERMANENT, 0L), counts.getOrDefault(DeliveryStatus.SKIPPED, 0L),
				counts.getOrDefault(DeliveryStatus.UNCERTAIN, 0L), opened, unsubscribed, 0);
	}

}

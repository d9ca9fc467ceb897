package io.infolettre.newsletter.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryProgress;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.EventCounts;
import io.infolettre.newsletter.shared.DuplicateTolerantInserts;
import io.infolettre.newsletter.tracking.OpenClass;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
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

	static final String ATTEMPTS = "attempts";

	static final String RETRY_AT = "retryAt";

	private static final String IN_FLIGHT = "inFlight";

	private static final int RECOUNT_PAGE = 1000;

	private static final Map<DeliveryStatus, String> COUNTERS = Map.of(DeliveryStatus.SENT, "sent",
			DeliveryStatus.FAILED_TEMPORARY, "failedTemporary", DeliveryStatus.FAILED_PERMANENT, "failedPermanent",
			DeliveryStatus.SKIPPED, "skipped", DeliveryStatus.UNCERTAIN, "uncertain");

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
		if (!LedgerKeys.isValid(deliveryId)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(deliveryId, Delivery.class));
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

	public static boolean isDeliveryId(String value) {
		return LedgerKeys.isValid(value);
	}

	/**
	 * A bounce or complaint reported after the send. A hard bounce of an entry marked SENT makes it
	 * FAILED_PERMANENT (the counters follow); the report itself is kept on the entry.
	 */
	public Optional<Delivery> recordBounce(String deliveryId, BounceReport report, Instant at) {
		var update = new Update().set("bounce", new Document("type", report.type().name()).append("at", at)
			.append("diagnostic", report.diagnostic()));
		if (report.type() == BounceReport.Type.HARD) {
			update.set(STATUS, DeliveryStatus.FAILED_PERMANENT.name())
				.set("error", "Rebond : " + (report.diagnostic() == null ? "adresse refusée" : report.diagnostic()));
		}
		Delivery before = this.mongo.findAndModify(byId(deliveryId), update, Delivery.class);
		if (before == null) {
			return Optional.empty();
		}
		if (report.type() == BounceReport.Type.HARD && before.getStatus() != DeliveryStatus.FAILED_PERMANENT) {
			var counters = new Update().inc("failedPermanent", 1);
			if (COUNTERS.containsKey(before.getStatus())) {
				counters.inc(COUNTERS.get(before.getStatus()), -1);
			}
			this.mongo.updateFirst(byId(before.getIssueId()), counters, HEADS);
		}
		return Optional.of(before);
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
		Document before = this.mongo.findAndModify(byId(issueId),
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
		this.mongo.updateFirst(byId(issueId), new Update().inc("total", added), HEADS);
	}

	/** The entries with sequence numbers in [from, from + count), in order; gaps are skipped. */
	List<Document> page(String issueId, long from, int count) {
		List<String> ids = new ArrayList<>(count);
		for (long seq = from; seq < from + count; seq++) {
			ids.add(LedgerKeys.id(issueId, seq));
		}
		return entries(ids);
	}

	/** The entries with these ids as stored now, in ledger order. */
	List<Document> entries(Collection<String> deliveryIds) {
		var query = Query.query(Criteria.where("_id").in(deliveryIds));
		query.fields().include(SUBSCRIBER_ID, STATUS, ATTEMPTS, RETRY_AT);
		List<Document> entries = new ArrayList<>(this.mongo.find(query, Document.class, Delivery.COLLECTION));
		entries.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
		return entries;
	}

	/**
	 * Writes many entries' outcomes in one bulk write; the confirmations of several connections are
	 * grouped here so that each costs a share of one round trip. The live counters are left alone.
	 */
	void apply(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, Delivery.COLLECTION);
		for (Outcome outcome : outcomes) {
			bulk.updateOne(byId(outcome.deliveryId()), outcome.toUpdate());
		}
		bulk.execute();
	}

	/** Records outcomes and moves the live counters, in two writes. */
	void recordOutcomes(String issueId, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		apply(outcomes);
		var counts = new EnumMap<DeliveryStatus, Integer>(DeliveryStatus.class);
		outcomes.forEach(outcome -> counts.merge(outcome.status(), 1, Integer::sum));
		addToCounters(issueId, counts, -1);
	}

	/** Moves the live counters of the progress bar; a rate of -1 leaves the shown rate alone. */
	void addToCounters(String issueId, Map<DeliveryStatus, Integer> counts, double rate) {
		var update = new Update();
		counts.forEach((status, n) -> {
			if (COUNTERS.containsKey(status)) {
				update.inc(COUNTERS.get(status), n);
			}
		});
		if (rate >= 0) {
			update.set("rate", rate).set("rateAt", Instant.now());
		}
		if (!update.getUpdateObject().isEmpty()) {
			this.mongo.updateFirst(byId(issueId), update, HEADS);
		}
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
	 * Records which entry each connection has on the wire now (null: none), in the issue's head: one
	 * small update for all connections, instead of a write to each entry claimed.
	 */
	void markInFlight(String issueId, Map<Integer, String> byConnection) {
		var update = new Update();
		byConnection.forEach((connection, deliveryId) -> {
			if (deliveryId == null) {
				update.unset(IN_FLIGHT + "." + connection);
			}
			else {
				update.set(IN_FLIGHT + "." + connection, deliveryId);
			}
		});
		this.mongo.updateFirst(byId(issueId), update, HEADS);
	}

	/** The entries marked on the wire now, or at the instant the application died. */
	Set<String> inFlight(String issueId) {
		Document head = this.mongo.findById(issueId, Document.class, HEADS);
		if (head == null || !(head.get(IN_FLIGHT) instanceof Document connections)) {
			return Set.of();
		}
		Set<String> ids = new HashSet<>();
		connections.values().forEach(id -> ids.add((String) id));
		return ids;
	}

	/**
	 * Settles the entries that were on the wire when the application died: the relay may or may not
	 * have accepted them. Those still PENDING are marked as possible duplicates (they go out again) or
	 * held back as UNCERTAIN; either way the marks are cleared.
	 * @return the entries settled (still PENDING, or UNCERTAIN when held back)
	 */
	List<String> settleInFlight(String issueId, boolean holdBack, Instant at) {
		Set<String> ids = inFlight(issueId);
		if (ids.isEmpty()) {
			return List.of();
		}
		var stillPending = entries(ids).stream()
			.filter(entry -> DeliveryStatus.PENDING.name().equals(entry.getString(STATUS)))
			.map(entry -> entry.getString("_id"))
			.toList();
		var update = new Update().set("possibleDuplicate", true).set("updatedAt", at);
		if (holdBack) {
			update.set(STATUS, DeliveryStatus.UNCERTAIN.name())
				.set("error", "Peut-être déjà reçu : en cours d'envoi lors d'un arrêt brutal de l'application");
		}
		if (!stillPending.isEmpty()) {
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(stillPending)), update, Delivery.COLLECTION);
		}
		var head = new Update().unset(IN_FLIGHT);
		if (holdBack && !stillPending.isEmpty()) {
			head.inc(COUNTERS.get(DeliveryStatus.UNCERTAIN), stillPending.size());
		}
		this.mongo.updateFirst(byId(issueId), head, HEADS);
		return stillPending;
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

	public void recordUnsubscribe(String deliveryId, Instant at) {
		Document before = incrementAndGetPrevious(deliveryId, "unsubscribeRequests");
		if (before != null && count(before, "unsubscribeRequests") == 0) {
			setById(deliveryId, "unsubscribedAt", at);
			incrementHead(LedgerKeys.issueOf(deliveryId), "unsubscribed");
		}
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
		long end = sequenceEnd(issueId);
		for (long from = 0; from < end; from += RECOUNT_PAGE) {
			List<String> ids = new ArrayList<>(RECOUNT_PAGE);
			for (long seq = from; seq < Math.min(end, from + RECOUNT_PAGE); seq++) {
				ids.add(LedgerKeys.id(issueId, seq));
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
		long sending = Math.min(pending, inFlight(issueId).size());
		return new DeliveryProgress(total, pending - sending, sending, counts.getOrDefault(DeliveryStatus.SENT, 0L),
				counts.getOrDefault(DeliveryStatus.FAILED_TEMPORARY, 0L),
				counts.getOrDefault(DeliveryStatus.FAILED_PERMANENT, 0L), counts.getOrDefault(DeliveryStatus.SKIPPED, 0L),
				counts.getOrDefault(DeliveryStatus.UNCERTAIN, 0L), opened, unsubscribed, 0);
	}

	// Queries by _id alone: the embedded server serves only those from an index.
	private Document incrementAndGetPrevious(String deliveryId, String field) {
		if (!LedgerKeys.isValid(deliveryId)) {
			return null;
		}
		return this.mongo.findAndModify(byId(deliveryId), new Update().inc(field, 1),
				Document.class, Delivery.COLLECTION);
	}

	private void setById(String deliveryId, String field, Object value) {
		this.mongo.updateFirst(byId(deliveryId), new Update().set(field, value),
				Delivery.COLLECTION);
	}

	private void incrementHead(String issueId, String counter) {
		this.mongo.updateFirst(byId(issueId), new Update().inc(counter, 1), HEADS);
	}

	// Ledger entries and heads alike are found by exact _id, which every MongoDB-wire server indexes.
	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static long count(Document document, String field) {
		Object value = document.get(field);
		return value instanceof Number n ? n.longValue() : 0;
	}

	/**
	 * The result of one attempt at one ledger entry. A temporary failure with attempts left stays
	 * PENDING with the time of its next attempt.
	 *
	 * @param attempts the attempts made so far, this one included (0 when nothing was tried)
	 * @param possibleDuplicate whether an earlier attempt may have reached the relay (its reply was lost
	 * with the connection)
	 */
	record Outcome(String deliveryId, DeliveryStatus status, String email, String messageId, String error,
			Instant at, int attempts, Instant retryAt, boolean possibleDuplicate) {

		Outcome markedPossibleDuplicate() {
			return new Outcome(this.deliveryId, this.status, this.email, this.messageId, this.error, this.at,
					this.attempts, this.retryAt, true);
		}

		static Outcome skipped(String deliveryId, DeliveryStatus status, String email, String reason, Instant at) {
			return new Outcome(deliveryId, status, email, null, reason, at, 0, null, false);
		}

		/** The change to the entry; a flag once set (possible duplicate) is never cleared. */
		Update toUpdate() {
			var update = new Update().set(STATUS, this.status.name()).set("updatedAt", this.at);
			if (this.email != null) {
				update.set("email", this.email);
			}
			if (this.attempts > 0) {
				update.set(ATTEMPTS, this.attempts);
			}
			if (this.possibleDuplicate) {
				update.set("possibleDuplicate", true);
			}
			if (this.status == DeliveryStatus.SENT) {
				update.set("messageId", this.messageId).set("sentAt", this.at).unset("error").unset(RETRY_AT);
			}
			else {
				update.set("error", this.error);
				if (this.retryAt != null) {
					update.set(RETRY_AT, this.retryAt);
				}
				else {
					update.unset(RETRY_AT);
				}
			}
			return update;
		}

	}


}

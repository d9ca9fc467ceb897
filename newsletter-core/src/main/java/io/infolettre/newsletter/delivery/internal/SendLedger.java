package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.shared.internal.DuplicateTolerantInserts;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

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
 * The ledger as a running send writes it. Every access is by exact id (see {@link DeliveryIds}) and
 * every write that changes many entries is one bulk operation; the issue's head holds the next
 * sequence number, the entry each connection has on the wire, and the live counters, so progress is
 * one lookup however large the send.
 */
@Component
class SendLedger {

	private final MongoTemplate mongo;

	SendLedger(MongoTemplate mongo) {
		this.mongo = mongo;
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
			entries.add(new Document("_id", DeliveryIds.id(issueId, first + i)).append(ISSUE_ID, issueId)
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
			ids.add(DeliveryIds.id(issueId, seq));
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
	void apply(List<LedgerOutcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, Delivery.COLLECTION);
		for (LedgerOutcome outcome : outcomes) {
			bulk.updateOne(Query.query(entry(outcome.deliveryId())), outcome.toUpdate());
		}
		bulk.execute();
	}

	/** Records outcomes and moves the live counters, in two writes. */
	void recordOutcomes(String issueId, List<LedgerOutcome> outcomes) {
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
		return LedgerDocuments.inFlight(this.mongo.findById(issueId, Document.class, HEADS));
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

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.EntryResponses;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.ResponseCounts;
import io.infolettre.newsletter.delivery.ResponseLedger;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.COUNTERS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.HEADS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.STATUS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.SUBSCRIBER_ID;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.byId;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.entry;

/**
 * The recipients' responses on the ledger's entries and heads. Queries by {@code _id} alone: the
 * embedded server serves only those from an index.
 */
@Component
class MongoResponseLedger implements ResponseLedger {

	private final MongoTemplate mongo;

	private final LedgerFirsts firsts;

	MongoResponseLedger(MongoTemplate mongo) {
		this.mongo = mongo;
		this.firsts = new LedgerFirsts(mongo);
	}

	@Override
	public Map<String, EntryResponses> responses(Collection<String> deliveryIds) {
		Map<String, EntryResponses> responses = new HashMap<>();
		var query = Query.query(Criteria.where("_id").in(deliveryIds));
		query.fields().include(SUBSCRIBER_ID, "sentAt", "openedAt", "clickedAt", "seenAt", LedgerFirsts.CLICKED_LINKS);
		for (Document entry : this.mongo.find(query, Document.class, Delivery.COLLECTION)) {
			Date sentAt = entry.getDate("sentAt");
			Set<Integer> links = new HashSet<>(2);
			if (entry.get(LedgerFirsts.CLICKED_LINKS) instanceof Document clicked) {
				clicked.keySet().forEach(link -> links.add(Integer.parseUnsignedInt(link, 16)));
			}
			responses.put(entry.getString("_id"),
					new EntryResponses(entry.getString(SUBSCRIBER_ID), sentAt == null ? null : sentAt.toInstant(),
							entry.containsKey("seenAt"), entry.containsKey("openedAt"), entry.containsKey("clickedAt"),
							links));
		}
		return responses;
	}

	@Override
	public List<FirstResponse> markFirsts(Collection<FirstResponse> firsts) {
		return this.firsts.mark(firsts);
	}

	@Override
	public void count(String issueId, ResponseCounts counts) {
		var update = new Update();
		counts.opens().forEach((type, n) -> update.inc("openClasses." + type.name(), n));
		counts.clicks().forEach((type, n) -> update.inc("clickClasses." + type.name(), n));
		long opens = counts.opens().values().stream().mapToLong(Long::longValue).sum();
		long clicks = counts.clicks().values().stream().mapToLong(Long::longValue).sum();
		if (opens > 0) {
			update.inc("openEvents", opens);
		}
		if (clicks > 0) {
			update.inc("clickEvents", clicks);
		}
		if (counts.read() > 0) {
			update.inc("opened", counts.read());
		}
		if (counts.clicked() > 0) {
			update.inc("clicked", counts.clicked());
		}
		this.mongo.updateFirst(byId(issueId), update, HEADS);
	}

	@Override
	public void recordUnsubscribe(String deliveryId, Instant at) {
		if (!DeliveryIds.isValid(deliveryId)) {
			return;
		}
		Document before = this.mongo.findAndModify(Query.query(entry(deliveryId)), new Update().inc("unsubscribeRequests", 1),
				Document.class, Delivery.COLLECTION);
		if (before != null && LedgerDocuments.count(before, "unsubscribeRequests") == 0) {
			this.mongo.updateFirst(Query.query(entry(deliveryId)), new Update().set("unsubscribedAt", at),
					Delivery.COLLECTION);
			this.mongo.updateFirst(byId(DeliveryIds.issueOf(deliveryId)), new Update().inc("unsubscribed", 1), HEADS);
		}
	}

	@Override
	public Optional<Delivery> recordBounce(String deliveryId, BounceReport report, Instant at) {
		var update = new Update().set("bounce", new Document("type", report.type().name()).append("at", at)
			.append("diagnostic", report.diagnostic()));
		if (report.type() == BounceReport.Type.HARD) {
			update.set(STATUS, DeliveryStatus.FAILED_PERMANENT.name())
				.set("error", "Rebond : " + (report.diagnostic() == null ? "adresse refusée" : report.diagnostic()));
		}
		Delivery before = this.mongo.findAndModify(Query.query(entry(deliveryId)), update, Delivery.class);
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

}

package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.subscriber.PersonalDataHolder;
import io.infolettre.newsletter.subscriber.Subscriber;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the ledger and the open and click events hold about a subscriber, for an access request and
 * an erasure. A subscriber's entries are found issue by issue through the (issue, subscriber) index
 * (one lookup per issue ever sent) rather than by a scan of the whole ledger. Erasing an entry keeps
 * its status, times and counts for the reports, and removes the address (also from the server's
 * replies) and the subscriber's id, which becomes a random one: the open and click events, tied to
 * the entry, then lead to nobody.
 */
@Component
class LedgerPersonalData implements PersonalDataHolder {

	private static final String ERASED = "[adresse effacée]";

	// the open and click events, which the engagement module writes, one bucket per issue and batch
	private static final String EVENTS = "open_events";

	private final MongoTemplate mongo;

	LedgerPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String section() {
		return "deliveries";
	}

	@Override
	public List<Map<String, Object>> export(Subscriber subscriber) {
		List<Map<String, Object>> received = new ArrayList<>();
		for (Document entry : entries(subscriber.getId())) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("issueId", entry.getString(LedgerDocuments.ISSUE_ID));
			row.put("status", entry.getString(LedgerDocuments.STATUS));
			row.put("email", entry.getString("email"));
			row.put("sentAt", instant(entry.getDate("sentAt")));
			row.put("attempts", entry.get(LedgerDocuments.ATTEMPTS));
			row.put("serverReply", entry.getString("error"));
			row.put("openedAt", instant(entry.getDate("openedAt")));
			row.put("clickedAt", instant(entry.getDate("clickedAt")));
			row.put("unsubscribedAt", instant(entry.getDate("unsubscribedAt")));
			row.put("events", events(entry.getString(LedgerDocuments.ISSUE_ID), entry.getString("_id")));
			received.add(row);
		}
		return received;
	}

	@Override
	public void erase(Subscriber subscriber) {
		List<Document> entries = entries(subscriber.getId());
		if (entries.isEmpty()) {
			return;
		}
		Pattern address = Pattern.compile(Pattern.quote(subscriber.getEmail().value()), Pattern.CASE_INSENSITIVE);
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.COLLECTION);
		for (Document entry : entries) {
			var update = new Update().unset("email").set(LedgerDocuments.SUBSCRIBER_ID, "erased:" + UUID.randomUUID());
			if (entry.getString("error") != null) {
				update.set("error", address.matcher(entry.getString("error")).replaceAll(ERASED));
			}
			Document bounce = entry.get("bounce", Document.class);
			if (bounce != null && bounce.getString("diagnostic") != null) {
				update.set("bounce.diagnostic", address.matcher(bounce.getString("diagnostic")).replaceAll(ERASED));
			}
			bulk.updateOne(Query.query(Criteria.where("_id").is(entry.getString("_id"))), update);
		}
		bulk.execute();
	}

	// one indexed lookup per issue that has a ledger
	private List<Document> entries(String subscriberId) {
		List<Document> entries = new ArrayList<>();
		for (Document head : this.mongo.find(new Query().with(Sort.by("_id")), Document.class, LedgerDocuments.HEADS)) {
			// an issue id that looks like an ObjectId is stored as one in the heads' keys
			String issueId = String.valueOf(head.get("_id"));
			entries.addAll(this.mongo.find(
					Query.query(Criteria.where(LedgerDocuments.ISSUE_ID).is(issueId).and(LedgerDocuments.SUBSCRIBER_ID).is(subscriberId)),
					Document.class, Delivery.COLLECTION));
		}
		return entries;
	}

	// the opens and clicks recorded for this entry (only when tracking is individual: otherwise
	// events name no entry)
	private List<Map<String, Object>> events(String issueId, String deliveryId) {
		List<Map<String, Object>> events = new ArrayList<>();
		var query = Query.query(Criteria.where("issueId").is(issueId).and("events.d").is(deliveryId));
		for (Document bucket : this.mongo.find(query, Document.class, EVENTS)) {
			for (Document event : bucket.getList("events", Document.class)) {
				if (deliveryId.equals(event.getString("d"))) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("at", instant(event.getDate("t")));
					row.put("kind", event.getString("k"));
					row.put("class", event.getString("c"));
					row.put("link", event.get("l"));
					events.add(row);
				}
			}
		}
		return events;
	}

	private static Object instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}

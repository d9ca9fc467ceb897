package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.FirstResponse.Kind;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.entry;

/**
 * The firsts of the ledger's entries, each set once by a conditional update: a first already set (by
 * another instance, an earlier batch) stays. One update per entry sets all of its firsts at once (its
 * first open is usually also its first read), one bulk write for the batch. When some did not take
 * (rare: another instance was first for one of them), the entries are read again: an entry's update
 * set all its firsts or none, and those of the entries it did not take are tried again one by one, so
 * that each first is told to the listeners exactly once.
 */
final class LedgerFirsts {

	static final String CLICKED_LINKS = "clickedLinks";

	private final MongoTemplate mongo;

	LedgerFirsts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return the firsts this call set */
	List<FirstResponse> mark(Collection<FirstResponse> firsts) {
		if (firsts.isEmpty()) {
			return List.of();
		}
		Map<String, List<FirstResponse>> byEntry = new LinkedHashMap<>();
		firsts.forEach(first -> byEntry.computeIfAbsent(first.deliveryId(), id -> new ArrayList<>()).add(first));
		if (setOnce(byEntry.values()) == byEntry.size()) {
			return List.copyOf(firsts);
		}
		List<FirstResponse> taken = new ArrayList<>();
		List<List<FirstResponse>> oneByOne = new ArrayList<>();
		Map<String, Document> stored = stored(byEntry.keySet());
		byEntry.values().forEach(group -> {
			if (isStored(stored, group.get(0))) {
				taken.addAll(group);
			}
			else {
				group.stream().filter(first -> valueOf(stored, first) == null).forEach(first -> oneByOne.add(List.of(first)));
			}
		});
		if (!oneByOne.isEmpty()) {
			setOnce(oneByOne);
			Map<String, Document> again = stored(oneByOne.stream().map(one -> one.get(0).deliveryId()).toList());
			oneByOne.stream().map(one -> one.get(0)).filter(first -> isStored(again, first)).forEach(taken::add);
		}
		return taken;
	}

	/** One conditional update per group (the firsts of one entry): @return how many took */
	private long setOnce(Collection<List<FirstResponse>> groups) {
		var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.COLLECTION);
		for (List<FirstResponse> group : groups) {
			var criteria = entry(group.get(0).deliveryId());
			var update = new Update();
			for (FirstResponse first : group) {
				String field = fieldOf(first);
				criteria.and(field).exists(false);
				update.set(field, first.at());
				if (first.kind() == Kind.SEEN) {
					update.set("seenAs", first.type().name());
				}
				if (first.kind() == Kind.READ && first.link() != null) {
					update.set("readByClick", true);
				}
			}
			bulk.updateOne(Query.query(criteria), update);
		}
		return bulk.execute().getModifiedCount();
	}

	private Map<String, Document> stored(Collection<String> deliveryIds) {
		Map<String, Document> stored = new HashMap<>();
		var query = Query.query(Criteria.where("_id").in(deliveryIds));
		query.fields().include("seenAt", "openedAt", "clickedAt", CLICKED_LINKS);
		this.mongo.find(query, Document.class, Delivery.COLLECTION).forEach(d -> stored.put(d.getString("_id"), d));
		return stored;
	}

	private static Object valueOf(Map<String, Document> stored, FirstResponse first) {
		Document entry = stored.get(first.deliveryId());
		return entry == null ? null : entry.getEmbedded(List.of(fieldOf(first).split("\\.")), Object.class);
	}

	private static boolean isStored(Map<String, Document> stored, FirstResponse first) {
		return valueOf(stored, first) instanceof Date date && date.getTime() == first.at().toEpochMilli();
	}

	private static String fieldOf(FirstResponse first) {
		return switch (first.kind()) {
			case SEEN -> "seenAt";
			case READ -> "openedAt";
			case CLICK -> "clickedAt";
			case LINK -> CLICKED_LINKS + "." + Integer.toHexString(first.link());
		};
	}

}

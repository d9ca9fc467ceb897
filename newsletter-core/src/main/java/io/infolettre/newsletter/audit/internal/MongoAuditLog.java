package io.infolettre.newsletter.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.audit.AuditEntry;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.audit.AuditLog;
import io.infolettre.newsletter.audit.AuditPage;
import io.infolettre.newsletter.audit.AuditQuery;
import io.infolettre.newsletter.audit.FieldChange;
import io.infolettre.newsletter.shared.Actor;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The log in {@code audit}, one document per entry, keyed by an ObjectId whose time is the entry's:
 * newest first is the primary key read backwards, a period is a range of it, and a page starts below
 * the last id of the page before (keyset). Each filter (person, kind, both) has an index that leads
 * with it and continues with {@code _id}.
 */
@Repository
class MongoAuditLog implements AuditLog {

	static final String COLLECTION = "audit";

	private static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoAuditLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@PostConstruct
	void createIndexes() {
		var indexes = this.mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("kind", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("audit_kind"));
		indexes.createIndex(new Index().on("actor.personId", Sort.Direction.ASC)
			.on("_id", Sort.Direction.DESC)
			.named("audit_person"));
		indexes.createIndex(new Index().on("actor.personId", Sort.Direction.ASC)
			.on("kind", Sort.Direction.ASC)
			.on("_id", Sort.Direction.DESC)
			.named("audit_person_kind"));
		indexes.createIndex(new Index().on("targetId", Sort.Direction.ASC).named("audit_target"));
	}

	@Override
	public AuditEntry record(AuditEntry entry) {
		Instant at = this.clock.instant();
		ObjectId id = new ObjectId(Date.from(at));
		Actor actor = entry.actor() == null ? Actor.SYSTEM : entry.actor();
		List<Document> changes = entry.changes()
			.stream()
			.map(change -> new Document("field", change.field()).append("before", change.before())
				.append("after", change.after()))
			.toList();
		this.mongo.insert(new Document("_id", id).append("at", Date.from(at))
			.append("actor",
					new Document("personId", actor.personId()).append("name", actor.name())
						.append("tokenId", actor.tokenId())
						.append("address", actor.address()))
			.append("kind", entry.kind().name())
			.append("targetId", entry.targetId())
			.append("targetLabel", entry.targetLabel())
			.append("action", entry.action())
			.append("actionText", entry.actionText())
			.append("changes", changes), COLLECTION);
		return new AuditEntry(id.toHexString(), at, actor, entry.kind(), entry.targetId(), entry.targetLabel(),
				entry.action(), entry.actionText(), entry.changes());
	}

	@Override
	public AuditPage search(AuditQuery query, String after, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		List<AuditEntry> entries = page(query, after == null || !ObjectId.isValid(after) ? null : new ObjectId(after),
				limit + 1);
		if (entries.size() <= limit) {
			return new AuditPage(entries, null);
		}
		List<AuditEntry> shown = entries.subList(0, limit);
		return new AuditPage(List.copyOf(shown), shown.get(limit - 1).id());
	}

	@Override
	public void forEach(AuditQuery query, Consumer<AuditEntry> action) {
		ObjectId after = null;
		while (true) {
			List<AuditEntry> page = page(query, after, BATCH);
			page.forEach(action);
			if (page.size() < BATCH) {
				return;
			}
			after = new ObjectId(page.get(page.size() - 1).id());
		}
	}

	/** The entries about this subscriber (an access request shows them), oldest first. */
	List<AuditEntry> aboutSubscriber(String subscriberId) {
		return this.mongo.find(aboutSubscriberQuery(subscriberId).with(Sort.by("_id")), Document.class, COLLECTION)
			.stream()
			.map(MongoAuditLog::entry)
			.toList();
	}

	/**
	 * The entries about an erased subscriber keep who did what and when, and which fields changed;
	 * their label and the values go. The subscriber's id stays: it points to nothing once the
	 * subscriber is gone, and still tells the entries about the same person apart.
	 */
	int anonymiseSubscriber(String subscriberId) {
		int anonymised = 0;
		for (Document entry : this.mongo.find(aboutSubscriberQuery(subscriberId), Document.class, COLLECTION)) {
			List<Document> fields = new ArrayList<>();
			for (Document change : entry.getList("changes", Document.class, List.of())) {
				fields.add(new Document("field", change.getString("field")).append("before", null).append("after", null));
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.get("_id"))),
					new Update().set("targetLabel", AuditEntry.ERASED_LABEL).set("changes", fields), COLLECTION);
			anonymised++;
		}
		return anonymised;
	}

	private static Query aboutSubscriberQuery(String subscriberId) {
		return Query.query(Criteria.where("targetId")
			.is(subscriberId)
			.and("kind")
			.in(List.of(AuditKind.SUBSCRIBER.name(), AuditKind.CONSENT.name())));
	}

	private List<AuditEntry> page(AuditQuery query, ObjectId after, int limit) {
		Document filter = new Document();
		if (query.personId() != null) {
			filter.append("actor.personId", query.personId());
		}
		if (query.kind() != null) {
			filter.append("kind", query.kind().name());
		}
		Document id = new Document();
		if (query.from() != null) {
			id.append("$gte", firstIdOf(query.from()));
		}
		ObjectId below = below(query.to(), after);
		if (below != null) {
			id.append("$lt", below);
		}
		if (!id.isEmpty()) {
			filter.append("_id", id);
		}
		Query find = new BasicQuery(filter).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
		return this.mongo.find(find, Document.class, COLLECTION).stream().map(MongoAuditLog::entry).toList();
	}

	// the tighter of the period's end and the last entry already read
	private static ObjectId below(Instant to, ObjectId after) {
		ObjectId end = to == null ? null : firstIdOf(to);
		if (end == null) {
			return after;
		}
		return after == null || end.compareTo(after) < 0 ? end : after;
	}

	// the smallest id of the instant's second: a bound of a period in the primary key
	private static ObjectId firstIdOf(Instant instant) {
		return new ObjectId(String.format("%08x", instant.getEpochSecond()) + "0".repeat(16));
	}

	private static AuditEntry entry(Document document) {
		Document actor = document.get("actor", Document.class);
		List<FieldChange> changes = document.getList("changes", Document.class, List.of())
			.stream()
			.map(change -> new FieldChange(change.getString("field"), change.getString("before"),
					change.getString("after")))
			.toList();
		return new AuditEntry(document.getObjectId("_id").toHexString(), document.getDate("at").toInstant(),
				new Actor(actor.getString("personId"), actor.getString("name"), actor.getString("tokenId"),
						actor.getString("address")),
				AuditKind.valueOf(document.getString("kind")), document.getString("targetId"),
				document.getString("targetLabel"), document.getString("action"), document.getString("actionText"),
				changes);
	}

}

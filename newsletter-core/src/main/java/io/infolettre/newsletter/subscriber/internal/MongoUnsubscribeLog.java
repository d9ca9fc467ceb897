package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.subscriber.UnsubscribeEntry;
import io.infolettre.newsletter.subscriber.UnsubscribeLog;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * The log in {@code unsubscribes}, one document per entry, keyed by an ObjectId whose time is the
 * request's: reading a period walks the primary key (keyset pages), which every MongoDB-wire server
 * serves from its index.
 */
@Repository
class MongoUnsubscribeLog implements UnsubscribeLog {

	static final String COLLECTION = "unsubscribes";

	private static final int PAGE = 1000;

	private final MongoTemplate mongo;

	MongoUnsubscribeLog(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void append(UnsubscribeEntry entry) {
		this.mongo.insert(new Document("_id", new ObjectId(Date.from(entry.requestedAt())))
			.append("subscriberId", entry.subscriberId())
			.append("email", entry.email())
			.append("channel", entry.channel().name())
			.append("issueId", entry.issueId())
			.append("requestedAt", Date.from(entry.requestedAt()))
			.append("effectiveAt", Date.from(entry.effectiveAt())), COLLECTION);
	}

	@PostConstruct
	void createIndexes() {
		Indexes.create(this.mongo.indexOps(COLLECTION),
				new Index().on("subscriberId", Sort.Direction.ASC).named("unsubscribe_subscriber"));
	}

	@Override
	public List<UnsubscribeEntry> entriesFor(String subscriberId) {
		return this.mongo.find(Query.query(Criteria.where("subscriberId").is(subscriberId)).with(Sort.by("_id")),
				Document.class, COLLECTION).stream().map(MongoUnsubscribeLog::entry).toList();
	}

	@Override
	public int anonymise(String subscriberId, String emailHash) {
		return (int) this.mongo.updateMulti(Query.query(Criteria.where("subscriberId").is(subscriberId)),
				new Update().unset("email").unset("subscriberId").set("emailHash", emailHash), COLLECTION)
			.getModifiedCount();
	}

	private static UnsubscribeEntry entry(Document entry) {
		return new UnsubscribeEntry(entry.getString("subscriberId"), entry.getString("email"),
				UnsubscribeChannel.valueOf(entry.getString("channel")), entry.getString("issueId"),
				entry.getDate("requestedAt").toInstant(), entry.getDate("effectiveAt").toInstant());
	}

	@Override
	public void forEach(Instant from, Instant to, Consumer<UnsubscribeEntry> action) {
		ObjectId after = null;
		ObjectId end = new ObjectId(Date.from(to));
		while (true) {
			var key = Criteria.where("_id").lt(end);
			key = after == null ? key.gte(new ObjectId(Date.from(from))) : key.gt(after);
			List<Document> page = this.mongo.find(Query.query(key).with(Sort.by("_id")).limit(PAGE), Document.class,
					COLLECTION);
			for (Document entry : page) {
				action.accept(entry(entry));
			}
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).getObjectId("_id");
		}
	}

}

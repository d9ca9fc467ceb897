package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.subscriber.Erasure;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * The erasure audit in {@code erasures} (keyed by {@code erasure:<ObjectId>}, so in time order) and
 * the installation's salt for hashing erased addresses, in {@code privacy_settings}.
 */
@Repository
public class ErasureStore {

	static final String COLLECTION = "erasures";

	static final String SETTINGS = "privacy_settings";

	private static final String SALT_ID = "erasure-salt";

	private final MongoTemplate mongo;

	ErasureStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		Indexes.create(this.mongo.indexOps(COLLECTION), new Index().on("emailHash", Sort.Direction.ASC).named("erasure_hash"));
	}

	public Erasure record(Instant at, String by, String emailHash) {
		String id = "erasure:" + new ObjectId(Date.from(at)).toHexString();
		this.mongo.getCollection(COLLECTION)
			.insertOne(new Document("_id", id).append("at", Date.from(at)).append("by", by).append("emailHash", emailHash));
		return new Erasure(id, at, by, emailHash);
	}

	public List<Erasure> findByHash(String emailHash) {
		return this.mongo.find(Query.query(Criteria.where("emailHash").is(emailHash)).with(Sort.by("_id")), Document.class,
				COLLECTION).stream().map(ErasureStore::erasure).toList();
	}

	public List<Erasure> recent(int limit) {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), Document.class,
				COLLECTION).stream().map(ErasureStore::erasure).toList();
	}

	/** The stored salt; {@code candidate} becomes it when there is none yet (the first writer wins). */
	public String saltOr(String candidate) {
		Document stored = this.mongo.getCollection(SETTINGS)
			.findOneAndUpdate(Filters.eq("_id", SALT_ID), Updates.setOnInsert("value", candidate),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return stored.getString("value");
	}

	private static Erasure erasure(Document document) {
		return new Erasure(document.getString("_id"), document.getDate("at").toInstant(), document.getString("by"),
				document.getString("emailHash"));
	}

}

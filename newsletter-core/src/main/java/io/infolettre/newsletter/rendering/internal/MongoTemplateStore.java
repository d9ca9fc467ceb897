package io.infolettre.newsletter.rendering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Uploaded template files in the {@code message_templates} collection, one document per file, so
 * that every application node renders with the same layouts. Keys are prefixed ({@code tpl:}) so
 * that no file name is ever taken for an ObjectId.
 */
@Component
class MongoTemplateStore implements TemplateStore {

	static final String COLLECTION = "message_templates";

	private static final String KEY_PREFIX = "tpl:";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoTemplateStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Optional<StoredTemplate> find(String file) {
		Document doc = this.mongo.findById(KEY_PREFIX + file, Document.class, COLLECTION);
		return Optional.ofNullable(doc).map(MongoTemplateStore::stored);
	}

	@Override
	public List<StoredTemplate> all() {
		return this.mongo.findAll(Document.class, COLLECTION).stream().map(MongoTemplateStore::stored).toList();
	}

	@Override
	public void save(StoredTemplate template) {
		Instant now = template.updatedAt() == null ? this.clock.instant() : template.updatedAt();
		this.mongo.upsert(Query.query(Criteria.where("_id").is(KEY_PREFIX + template.file())),
				new Update().set("file", template.file()).set("source", template.source()).set("updatedAt", Date.from(now)),
				COLLECTION);
	}

	private static StoredTemplate stored(Document doc) {
		Date updated = doc.getDate("updatedAt");
		return new StoredTemplate(doc.getString("file"), doc.getString("source"),
				updated == null ? Instant.EPOCH : updated.toInstant());
	}

}

package io.infolettre.newsletter.subscriber.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Companies;
import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.SubscriberNotFoundException;
import io.infolettre.newsletter.subscriber.SubscriberSearch;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * Companies in {@code companies}, read and written as raw documents so that their shape is exactly
 * the one segment rules query. Creating missing companies is one unordered bulk of upserts that only
 * set fields on insert: an existing company is never touched, and two instances creating the same
 * one at once end with one document (the loser's duplicate key is ignored).
 */
@Repository
class MongoCompanies implements Companies {

	private static final String SEARCH_KEY = "searchKey";

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	private final AttributeDefinitions definitions;

	private final Clock clock;

	MongoCompanies(MongoTemplate mongo, AttributeDefinitions definitions, Clock clock) {
		this.mongo = mongo;
		this.definitions = definitions;
		this.clock = clock;
	}

	@PostConstruct
	void createIndexes() {
		Indexes.create(this.mongo.indexOps(Company.COLLECTION),
				new Index().on(SEARCH_KEY, Sort.Direction.ASC).named("company_search"));
	}

	@Override
	public Optional<Company> findById(String id) {
		if (!Company.isCompanyId(id)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(id, Document.class, Company.COLLECTION)).map(MongoCompanies::company);
	}

	@Override
	public Optional<Company> findByName(String name) {
		return name == null || name.isBlank() ? Optional.empty() : findById(Company.idOf(name));
	}

	@Override
	public List<Company> page(String text, String after, int size) {
		var criteria = new Criteria();
		List<Criteria> all = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			all.add(Criteria.where(SEARCH_KEY).regex(SubscriberQueries.prefix(SubscriberSearch.fold(text))));
		}
		if (after != null) {
			all.add(Criteria.where("_id").gt(after));
		}
		if (!all.isEmpty()) {
			criteria.andOperator(all);
		}
		var query = Query.query(criteria).with(Sort.by("_id")).limit(size);
		return this.mongo.find(query, Document.class, Company.COLLECTION).stream().map(MongoCompanies::company).toList();
	}

	@Override
	public int ensureExist(Collection<String> names) {
		Map<String, String> byId = new LinkedHashMap<>();
		for (String name : names) {
			if (name != null && !name.isBlank()) {
				byId.putIfAbsent(Company.idOf(name), name);
			}
		}
		if (byId.isEmpty()) {
			return 0;
		}
		Date now = Date.from(this.clock.instant());
		List<UpdateOneModel<Document>> upserts = new ArrayList<>(byId.size());
		byId.forEach((id, name) -> {
			Bson insertOnly = Updates.combine(Updates.setOnInsert("name", name),
					Updates.setOnInsert(SEARCH_KEY, SubscriberSearch.fold(name)),
					Updates.setOnInsert("attributes", new Document()), Updates.setOnInsert("createdAt", now),
					Updates.setOnInsert("updatedAt", now));
			upserts.add(new UpdateOneModel<>(new Document("_id", id), insertOnly, new UpdateOptions().upsert(true)));
		});
		try {
			return this.mongo.getCollection(Company.COLLECTION).bulkWrite(upserts,
					new com.mongodb.client.model.BulkWriteOptions().ordered(false)).getUpserts().size();
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
			return ex.getWriteResult().getUpserts().size();
		}
	}

	@Override
	public Company setAttributes(String id, Map<String, String> values) {
		Company company = findById(id).orElseThrow(() -> new SubscriberNotFoundException(id));
		Map<String, Object> attributes = new LinkedHashMap<>(company.attributes());
		Set<String> unknown = new LinkedHashSet<>();
		values.forEach((name, raw) -> {
			Optional<AttributeDefinition> definition = this.definitions.find(name);
			if (definition.isEmpty()) {
				unknown.add(name);
				return;
			}
			definition.get().parse(raw).ifPresentOrElse(value -> attributes.put(name, value),
					() -> attributes.remove(name));
		});
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Attribut inconnu : " + String.join(", ", unknown));
		}
		Instant now = this.clock.instant();
		this.mongo.getCollection(Company.COLLECTION)
			.updateOne(new Document("_id", id), Updates.combine(Updates.set("attributes", new Document(attributes)),
					Updates.set("updatedAt", Date.from(now))));
		return new Company(id, company.name(), attributes, company.createdAt(), now);
	}

	private static Company company(Document document) {
		Document attributes = document.get("attributes", Document.class);
		return new Company(document.getString("_id"), document.getString("name"),
				attributes == null ? Map.of() : new LinkedHashMap<>(attributes), instant(document.getDate("createdAt")),
				instant(document.getDate("updatedAt")));
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}

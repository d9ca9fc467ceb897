package io.infolettre.newsletter.segment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.segment.RecentIssues;
import io.infolettre.newsletter.segment.Segment;
import io.infolettre.newsletter.segment.SegmentNotFoundException;
import io.infolettre.newsletter.segment.SegmentPreview;
import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.Segments;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Segments in {@code segments}, read and written through the driver's documents (the rule tree is
 * stored as nested documents), and their evaluation against {@code subscribers}.
 */
@Repository
class MongoSegments implements Segments {

	/** The member companies (documents {@code {name, attributes}}), for company-attribute rules. */
	static final String COMPANIES = "companies";

	private final MongoTemplate mongo;

	private final AttributeDefinitions attributes;

	private final RecentIssues recentIssues;

	private final Clock clock;

	MongoSegments(MongoTemplate mongo, AttributeDefinitions attributes, RecentIssues recentIssues, Clock clock) {
		this.mongo = mongo;
		this.attributes = attributes;
		this.recentIssues = recentIssues;
		this.clock = clock;
	}

	@Override
	public List<Segment> all() {
		return this.mongo.getCollection(Segment.COLLECTION)
			.find()
			.sort(new Document("name", 1))
			.map(MongoSegments::segment)
			.into(new java.util.ArrayList<>());
	}

	@Override
	public Optional<Segment> find(String id) {
		return Optional.ofNullable(this.mongo.getCollection(Segment.COLLECTION).find(new Document("_id", id)).first())
			.map(MongoSegments::segment);
	}

	@Override
	public Segment create(String name, String description, Group rules) {
		compile(rules);
		Instant now = this.clock.instant();
		var segment = new Segment(new ObjectId().toHexString(), checkedName(name), description(description),
				rules == null ? Group.all() : rules, now, now);
		this.mongo.getCollection(Segment.COLLECTION).insertOne(document(segment));
		return segment;
	}

	@Override
	public Segment update(String id, String name, String description, Group rules) {
		compile(rules);
		Segment before = find(id).orElseThrow(() -> new SegmentNotFoundException(id));
		var segment = new Segment(id, checkedName(name), description(description), rules == null ? Group.all() : rules,
				before.createdAt(), this.clock.instant());
		this.mongo.getCollection(Segment.COLLECTION).replaceOne(new Document("_id", id), document(segment));
		return segment;
	}

	@Override
	public void delete(String id) {
		if (this.mongo.getCollection(Segment.COLLECTION).deleteOne(new Document("_id", id)).getDeletedCount() == 0) {
			throw new SegmentNotFoundException(id);
		}
	}

	@Override
	public SegmentPreview preview(Group rules, boolean receivableOnly, int sampleSize) {
		Criteria compiled = compile(rules);
		Criteria criteria = receivableOnly ? Receivable.and(compiled, this.clock.instant()) : compiled;
		long count = SubscriberCounts.count(this.mongo, criteria);
		var sample = Query.query(criteria).with(Sort.by(SubscriberFields.ID)).limit(sampleSize);
		return new SegmentPreview(count, sampleSize == 0 ? List.of() : this.mongo.find(sample, Subscriber.class));
	}

	@Override
	public List<Subscriber> members(String id, String afterId, int size) {
		Criteria criteria = Receivable.and(compiled(id), this.clock.instant());
		if (afterId != null && !afterId.isBlank()) {
			criteria = criteria.and(SubscriberFields.ID).gt(afterId);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(SubscriberFields.ID)).limit(size), Subscriber.class);
	}

	/** The filter of a saved segment, compiled now (attribute definitions and recent issues of today). */
	Criteria compiled(String id) {
		return compile(find(id).orElseThrow(() -> new SegmentNotFoundException(id)).rules());
	}

	Criteria compile(Group rules) {
		return new RuleCompiler(this.attributes, this::companyNames, this.recentIssues).compile(rules);
	}

	private List<String> companyNames(Criteria onCompanies) {
		var query = Query.query(onCompanies);
		query.fields().include("name");
		return this.mongo.find(query, Document.class, COMPANIES)
			.stream()
			.map(company -> company.getString("name"))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static String checkedName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Un segment a un nom");
		}
		return name.strip();
	}

	private static String description(String description) {
		return description == null || description.isBlank() ? null : description.strip();
	}

	private static Document document(Segment segment) {
		return new Document("_id", segment.id()).append("name", segment.name())
			.append("description", segment.description())
			.append("rules", SegmentDocuments.of(segment.rules()))
			.append("createdAt", Date.from(segment.createdAt()))
			.append("updatedAt", Date.from(segment.updatedAt()));
	}

	private static Segment segment(Document document) {
		return new Segment(document.getString("_id"), document.getString("name"), document.getString("description"),
				SegmentDocuments.group(document.get("rules", Document.class)), document.getDate("createdAt").toInstant(),
				document.getDate("updatedAt").toInstant());
	}

}

package io.infolettre.newsletter.segment.internal;

import io.infolettre.newsletter.subscriber.Subscriber;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The indexes segment queries use on a real MongoDB: every audience starts with {@code status =
 * ACTIVE}, then narrows by the built-in attributes, language, lists, tags, engagement or company.
 * The embedded MongoDB-wire server ignores non-unique indexes (it logs "not yet implemented") and
 * answers every count by a scan: creating them there is harmless.
 */
@Component
class SegmentIndexes {

	private final MongoTemplate mongo;

	SegmentIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void create() {
		var indexes = this.mongo.indexOps(Subscriber.COLLECTION);
		String status = Subscriber.Fields.STATUS;
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(Subscriber.Fields.attribute("secteur"), Direction.ASC)
			.on(Subscriber.Fields.attribute("territoire"), Direction.ASC)
			.named("status_secteur_territoire"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(Subscriber.Fields.attribute("territoire"), Direction.ASC)
			.named("status_territoire"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(Subscriber.Fields.attribute("parc"), Direction.ASC)
			.named("status_parc"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(Subscriber.Fields.attribute("fonction"), Direction.ASC)
			.named("status_fonction"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(Subscriber.Fields.attribute("membreDepuis"), Direction.ASC)
			.named("status_membreDepuis"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(Subscriber.Fields.LANGUAGE, Direction.ASC).named("status_language"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(Subscriber.Fields.LISTS, Direction.ASC).named("status_lists"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(Subscriber.Fields.TAGS, Direction.ASC).named("status_tags"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(Subscriber.Fields.ENGAGEMENT_OPENED_ISSUES, Direction.ASC)
			.named("status_engagement"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(Subscriber.Fields.COMPANY, Direction.ASC).named("status_company"));
	}

}

package io.infolettre.newsletter.segment.internal;

import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.WildcardIndex;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The indexes segment queries use on a real MongoDB: every audience starts with {@code status =
 * ACTIVE}, then narrows by the built-in attributes, language, lists, tags, engagement or company.
 * Custom attributes, which the coordinator defines, are served by a wildcard index on all of them. The
 * embedded MongoDB-wire server keeps the values these indexes name in memory and counts from them.
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
		String status = SubscriberFields.STATUS;
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.attribute("secteur"), Direction.ASC)
			.on(SubscriberFields.attribute("territoire"), Direction.ASC)
			.named("status_secteur_territoire"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.attribute("territoire"), Direction.ASC)
			.named("status_territoire"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.attribute("parc"), Direction.ASC)
			.named("status_parc"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.attribute("fonction"), Direction.ASC)
			.named("status_fonction"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.attribute("membreDepuis"), Direction.ASC)
			.named("status_membreDepuis"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(SubscriberFields.LANGUAGE, Direction.ASC).named("status_language"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(SubscriberFields.LISTS, Direction.ASC).named("status_lists"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(SubscriberFields.TAGS, Direction.ASC).named("status_tags"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.ENGAGEMENT_OPENED_ISSUES, Direction.ASC)
			.named("status_engagement"));
		indexes.createIndex(
				new Index().on(status, Direction.ASC).on(SubscriberFields.COMPANY, Direction.ASC).named("status_company"));
		// every audience is of subscribers whose consent is in force (Receivable)
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.CONSENT_WITHDRAWN_AT, Direction.ASC)
			.on(SubscriberFields.CONSENT_EXPIRES_AT, Direction.ASC)
			.named("status_consent"));
		indexes.createIndex(new Index().on(status, Direction.ASC)
			.on(SubscriberFields.CONSENT_TYPE, Direction.ASC)
			.named("status_consent_type"));
		indexes.createIndex(new WildcardIndex(SubscriberFields.ATTRIBUTES).named("attributes"));
	}

}

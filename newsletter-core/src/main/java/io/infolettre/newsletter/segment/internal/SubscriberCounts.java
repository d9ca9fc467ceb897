package io.infolettre.newsletter.segment.internal;

import io.infolettre.newsletter.subscriber.Subscriber;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Counting the subscribers a filter selects. */
final class SubscriberCounts {

	private SubscriberCounts() {
	}

	static long count(MongoTemplate mongo, Criteria criteria) {
		return mongo.count(Query.query(criteria), Subscriber.class);
	}

}

package io.infolettre.newsletter.report.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.infolettre.newsletter.subscriber.Subscriber;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Subscribers by exact ids, a page at a time (a ledger page names at most a thousand). */
@Component
class SubscriberPages {

	private final MongoTemplate mongo;

	SubscriberPages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Map<String, Subscriber> byId(Collection<String> ids) {
		Map<String, Subscriber> subscribers = new HashMap<>();
		if (ids.isEmpty()) {
			return subscribers;
		}
		this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Subscriber.class)
			.forEach(subscriber -> subscribers.put(subscriber.getId(), subscriber));
		return subscribers;
	}

}

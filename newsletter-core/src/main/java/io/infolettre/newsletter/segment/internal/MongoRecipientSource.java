package io.infolettre.newsletter.segment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.RecipientSource;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoRecipientSource implements RecipientSource {

	private final MongoTemplate mongo;

	MongoRecipientSource(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public long count(Audience audience) {
		return this.mongo.count(Query.query(criteria(audience)), Subscriber.class);
	}

	@Override
	public void forEachBatch(Audience audience, int batchSize, Consumer<List<String>> batch) {
		ObjectId last = null;
		while (true) {
			var criteria = criteria(audience);
			if (last != null) {
				criteria = criteria.and(Subscriber.Fields.ID).gt(last);
			}
			var query = Query.query(criteria).with(Sort.by(Subscriber.Fields.ID)).limit(batchSize);
			query.fields().include(Subscriber.Fields.ID);
			List<String> ids = new ArrayList<>(batchSize);
			for (Document doc : this.mongo.find(query, Document.class, Subscriber.COLLECTION)) {
				last = doc.getObjectId(Subscriber.Fields.ID);
				ids.add(last.toHexString());
			}
			if (ids.isEmpty()) {
				return;
			}
			batch.accept(ids);
			if (ids.size() < batchSize) {
				return;
			}
		}
	}

	@Override
	public boolean mayReceive(Subscriber subscriber) {
		return subscriber.getStatus() == SubscriberStatus.ACTIVE;
	}

	private static Criteria criteria(Audience audience) {
		var criteria = Criteria.where(Subscriber.Fields.STATUS).is(SubscriberStatus.ACTIVE.name());
		if (!audience.isWholeBase()) {
			criteria = criteria.and(Subscriber.Fields.LISTS).is(audience.list());
		}
		return criteria;
	}

}

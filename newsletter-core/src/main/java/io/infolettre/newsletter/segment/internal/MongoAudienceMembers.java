package io.infolettre.newsletter.segment.internal;

import java.util.function.Consumer;
import java.util.stream.Stream;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.AudienceMembers;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoAudienceMembers implements AudienceMembers {

	private static final int CURSOR_BATCH = 1000;

	private final MongoTemplate mongo;

	MongoAudienceMembers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void forEach(Audience audience, Consumer<Subscriber> action) {
		var query = Query.query(criteria(audience)).with(Sort.by(SubscriberFields.ID)).cursorBatchSize(CURSOR_BATCH);
		try (Stream<Subscriber> members = this.mongo.stream(query, Subscriber.class)) {
			members.forEach(action);
		}
	}

	@Override
	public long count(Audience audience) {
		return this.mongo.count(Query.query(criteria(audience)), Subscriber.class);
	}

	// The one place an audience becomes a selection of members, status aside: a saved segment's
	// compiled criteria go here too.
	private static Criteria criteria(Audience audience) {
		return audience.isWholeBase() ? new Criteria() : Criteria.where(SubscriberFields.LISTS).is(audience.list());
	}

}

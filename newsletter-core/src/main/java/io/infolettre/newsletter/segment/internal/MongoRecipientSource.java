package io.infolettre.newsletter.segment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.RecipientSource;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoRecipientSource implements RecipientSource {

	private final MongoTemplate mongo;

	private final MongoSegments segments;

	private final Clock clock;

	MongoRecipientSource(MongoTemplate mongo, MongoSegments segments, Clock clock) {
		this.mongo = mongo;
		this.segments = segments;
		this.clock = clock;
	}

	/** A segment deleted since it was chosen has no members (a send to it is refused as empty). */
	@Override
	public long count(Audience audience) {
		if (audience.targetsSegment() && this.segments.find(audience.segment()).isEmpty()) {
			return 0;
		}
		return SubscriberCounts.count(this.mongo, criteria(audience));
	}

	/**
	 * One query, streamed through a cursor in id order: the audience is evaluated once, and only a
	 * batch of ids is held at a time.
	 */
	@Override
	public void forEachBatch(Audience audience, int batchSize, Consumer<List<String>> batch) {
		var query = Query.query(criteria(audience)).with(Sort.by(SubscriberFields.ID)).cursorBatchSize(batchSize);
		query.fields().include(SubscriberFields.ID);
		List<String> ids = new ArrayList<>(batchSize);
		try (Stream<Document> subscribers = this.mongo.stream(query, Document.class, Subscriber.COLLECTION)) {
			subscribers.forEach(doc -> {
				ids.add(doc.getObjectId(SubscriberFields.ID).toHexString());
				if (ids.size() == batchSize) {
					batch.accept(List.copyOf(ids));
					ids.clear();
				}
			});
		}
		if (!ids.isEmpty()) {
			batch.accept(List.copyOf(ids));
		}
	}

	@Override
	public boolean mayReceive(Subscriber subscriber) {
		return subscriber.mayReceiveAt(this.clock.instant());
	}

	/**
	 * Receivable subscribers (active, consent in force), whatever else the audience says, AND the
	 * members of its list or segment. A segment is compiled at each call: it follows the subscribers
	 * until the send freezes its recipients.
	 */
	private Criteria criteria(Audience audience) {
		Criteria selection = null;
		if (audience.targetsSegment()) {
			selection = this.segments.compiled(audience.segment());
		}
		else if (!audience.isWholeBase()) {
			selection = Criteria.where(SubscriberFields.LISTS).is(audience.list());
		}
		return Receivable.and(selection, this.clock.instant());
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.TrackingBatch;
import io.infolettre.newsletter.delivery.TrackingBatch.First;
import io.infolettre.newsletter.delivery.TrackingListener;
import io.infolettre.newsletter.subscriber.SubscriberEngagement;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The subscribers' side of first reads, told by the open writer once per issue and batch: segments
 * select those who opened one of the last issues. One query for the batch's subscribers, one bulk
 * update on their side.
 */
@Component
class EngagementRecording implements TrackingListener {

	private final MongoTemplate mongo;

	private final SubscriberEngagement engagement;

	EngagementRecording(MongoTemplate mongo, SubscriberEngagement engagement) {
		this.mongo = mongo;
		this.engagement = engagement;
	}

	@Override
	public void batchWritten(TrackingBatch batch) {
		List<First> reads = batch.firsts().stream().filter(first -> first.kind() == First.Kind.READ).toList();
		if (reads.isEmpty()) {
			return;
		}
		var query = Query.query(Criteria.where("_id").in(reads.stream().map(First::deliveryId).toList()));
		query.fields().include("subscriberId");
		List<String> subscriberIds = this.mongo.find(query, Document.class, Delivery.COLLECTION)
			.stream()
			.map(entry -> entry.getString("subscriberId"))
			.filter(Objects::nonNull)
			.toList();
		Instant latest = reads.stream().map(First::at).max(Instant::compareTo).orElseThrow();
		this.engagement.recordOpens(batch.issueId(), subscriberIds, latest);
	}

}

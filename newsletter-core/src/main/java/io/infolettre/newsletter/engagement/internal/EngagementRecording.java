package io.infolettre.newsletter.engagement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.engagement.TrackingBatch;
import io.infolettre.newsletter.engagement.TrackingListener;
import io.infolettre.newsletter.subscriber.SubscriberEngagement;

import org.springframework.stereotype.Component;

/**
 * The subscribers' side of first reads, told by the open writer once per issue and batch: segments
 * select those who opened one of the last issues. The writer already knows each entry's recipient,
 * so this is one bulk update on the subscribers' side and no read of the ledger.
 */
@Component
class EngagementRecording implements TrackingListener {

	private final SubscriberEngagement engagement;

	EngagementRecording(SubscriberEngagement engagement) {
		this.engagement = engagement;
	}

	@Override
	public void batchWritten(TrackingBatch batch) {
		List<FirstResponse> reads = batch.firsts().stream().filter(first -> first.kind() == FirstResponse.Kind.READ).toList();
		if (reads.isEmpty()) {
			return;
		}
		List<String> subscriberIds = reads.stream()
			.map(FirstResponse::subscriberId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Instant latest = reads.stream().map(FirstResponse::at).max(Instant::compareTo).orElseThrow();
		this.engagement.recordOpens(batch.issueId(), subscriberIds, latest);
	}

}

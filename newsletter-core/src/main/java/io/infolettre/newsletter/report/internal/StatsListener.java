package io.infolettre.newsletter.report.internal;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.engagement.TrackingBatch;
import io.infolettre.newsletter.engagement.TrackingListener;

import org.springframework.stereotype.Component;

/**
 * Keeps the report counters as the events are written: one update per issue and batch of the open
 * writer (which already groups a batch by issue), never one per event, so the pixel pays nothing.
 */
@Component
class StatsListener implements TrackingListener {

	private final StatsStore stats;

	StatsListener(StatsStore stats) {
		this.stats = stats;
	}

	@Override
	public void batchWritten(TrackingBatch batch) {
		this.stats.add(batch.issueId(), StatsStore.count(batch));
	}

	@Override
	public void bounceRecorded(String issueId, BounceReport.Type type) {
		var counters = new StatsStore.Counters();
		counters.add(StatsStore.bounce(type), 1);
		this.stats.add(issueId, counters);
	}

}

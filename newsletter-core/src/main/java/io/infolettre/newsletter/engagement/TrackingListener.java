package io.infolettre.newsletter.engagement;

import io.infolettre.newsletter.delivery.BounceReport;

/**
 * Told what the open writer and the bounce intake recorded, on their own thread, right after the
 * write: a report keeps its counters from this without reading the events again. Called once per
 * issue and batch, never once per event; it must be quick and must not throw (a failure is logged
 * and the counters are rebuilt from the ledger and the raw events).
 */
public interface TrackingListener {

	void batchWritten(TrackingBatch batch);

	/** A bounce or complaint matched to an entry of this issue. */
	default void bounceRecorded(String issueId, BounceReport.Type type) {
	}

}

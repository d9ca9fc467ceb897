package io.infolettre.newsletter.engagement.internal;

import java.time.Instant;

import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.tracking.OpenClass;

/**
 * An open, or a click when it names a link, as it waits in the queue: its entry as its issue (one
 * string per issue, shared) and sequence, its time in ms, the class its request gives and the user
 * agent's family. About 40 bytes.
 */
record Open(String issueId, int sequence, long millis, OpenClass byRequest, String family, Integer link) {

	String deliveryId() {
		return DeliveryIds.id(this.issueId, this.sequence);
	}

	Instant at() {
		return Instant.ofEpochMilli(this.millis);
	}

	boolean isClick() {
		return this.link != null;
	}

}

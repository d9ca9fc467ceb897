package io.infolettre.newsletter.report;

import java.time.Instant;

import io.infolettre.newsletter.delivery.DeliveryStatus;

/** One issue sent to a subscriber: did it reach them, did they read it, did they click. */
public record EngagementRow(String issueId, String title, Instant sentAt, DeliveryStatus status, Instant readAt,
		Instant clickedAt) {

	public boolean received() {
		return this.status == DeliveryStatus.SENT;
	}

}

package io.infolettre.newsletter.api;

import java.time.Instant;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.reconciliation.DeliveryRow;

/** One ledger entry as the API shows it; {@code reason} is our reason or the relay's reply. */
record DeliveryResource(String id, String subscriberId, String email, DeliveryStatus status, int attempts,
		String reason, Instant sentAt, Instant updatedAt, Instant retryAt, String messageId,
		boolean possibleDuplicate, Instant openedAt) {

	static DeliveryResource of(DeliveryRow row) {
		Delivery d = row.delivery();
		return new DeliveryResource(d.getId(), d.getSubscriberId(), row.email(), d.getStatus(), d.getAttempts(),
				d.getError(), d.getSentAt(), d.getUpdatedAt(), d.getRetryAt(), d.getMessageId(), d.isPossibleDuplicate(),
				d.getOpenedAt());
	}

}

package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;

/** What the writer does with one ledger entry. */
sealed interface DeliveryTask {

	String deliveryId();

	String email();

	/** @param attempts attempts already made before this one */
	record Send(String deliveryId, String subscriberId, String email, OutgoingMessage message, int attempts)
			implements DeliveryTask {
	}

	/** Not sent, for a reason recorded in the ledger (unsubscribed since the freeze, cannot render). */
	record Skip(String deliveryId, String email, DeliveryStatus status, String reason) implements DeliveryTask {
	}

}

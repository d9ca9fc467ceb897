package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.delivery.spi.OutgoingMessage;

/** What the writer does with one ledger entry. */
sealed interface DeliveryTask {

	String deliveryId();

	String email();

	record Send(String deliveryId, String email, OutgoingMessage message) implements DeliveryTask {
	}

	/** Not sent, for a reason recorded in the ledger (unsubscribed since the freeze, cannot render). */
	record Skip(String deliveryId, String email, boolean failure, String reason) implements DeliveryTask {
	}

}

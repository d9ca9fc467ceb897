package io.infolettre.newsletter.reconciliation;

import java.time.Instant;

import io.infolettre.newsletter.delivery.Delivery;

/**
 * One ledger entry with the address it went, or goes, to.
 *
 * @param email the address of the message, or the subscriber's for an entry not sent yet (null when
 * the subscriber no longer exists)
 */
public record DeliveryRow(Delivery delivery, String email) {

	/** When the message went out, or when the entry last changed if it did not. */
	public Instant at() {
		return this.delivery.getSentAt() != null ? this.delivery.getSentAt() : this.delivery.getUpdatedAt();
	}

}

package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.subscriber.Subscriber;

/**
 * A ledger entry to deliver, with its subscriber as they are now (null when deleted since the freeze).
 *
 * @param attempts attempts already made for this entry
 */
record RecipientItem(String deliveryId, String subscriberId, Subscriber subscriber, int attempts) {

	/** Not a recipient: completes the current chunk early (the processor filters it out). */
	static final RecipientItem FLUSH = new RecipientItem(null, null, null, 0);

}

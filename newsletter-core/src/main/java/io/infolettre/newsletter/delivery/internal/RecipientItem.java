package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.subscriber.Subscriber;

/** A pending ledger entry with its subscriber as they are now (null when deleted since the freeze). */
record RecipientItem(String deliveryId, String subscriberId, Subscriber subscriber) {
}

package io.infolettre.newsletter.delivery;

import java.time.Clock;

import io.infolettre.newsletter.delivery.internal.DeliveryStore;
import io.infolettre.newsletter.subscriber.SubscriberManagement;

import org.springframework.stereotype.Service;

/**
 * What a recipient does with a message they received: open it, unsubscribe from it. Both are
 * attributed to the delivery, so the report counts them.
 */
@Service
public class RecipientResponses {

	private final DeliveryStore deliveries;

	private final SubscriberManagement subscribers;

	private final Clock clock;

	RecipientResponses(DeliveryStore deliveries, SubscriberManagement subscribers, Clock clock) {
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	/** @return false when no such delivery exists */
	public boolean recordOpen(String deliveryId) {
		return this.deliveries.recordOpen(deliveryId, this.clock.instant());
	}

	/** Unsubscribes the delivery's recipient at once. @return false when no such delivery exists */
	public boolean unsubscribe(String deliveryId) {
		var delivery = this.deliveries.findById(deliveryId);
		if (delivery.isEmpty()) {
			return false;
		}
		this.subscribers.unsubscribe(delivery.get().getSubscriberId(), "delivery:" + deliveryId);
		this.deliveries.recordUnsubscribe(deliveryId, this.clock.instant());
		return true;
	}

}

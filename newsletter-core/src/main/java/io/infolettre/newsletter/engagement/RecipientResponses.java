package io.infolettre.newsletter.engagement;

import java.time.Clock;
import java.util.Optional;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.engagement.internal.OpenRecorder;
import io.infolettre.newsletter.subscriber.Preferences;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.tracking.TrackedLinks;

import org.springframework.stereotype.Service;

/**
 * What a recipient does with a message they received: open it, follow its links, unsubscribe from
 * it. Each is attributed to the delivery, so the issue's report counts them.
 */
@Service
public class RecipientResponses {

	private final Deliveries deliveries;

	private final ResponseLedger ledger;

	private final OpenRecorder opens;

	private final TrackedLinks links;

	private final Subscribers subscriberStore;

	private final SubscriberManagement subscribers;

	private final Clock clock;

	RecipientResponses(Deliveries deliveries, ResponseLedger ledger, OpenRecorder opens, TrackedLinks links,
			SubscriberManagement subscribers, Subscribers subscriberStore, Clock clock) {
		this.subscriberStore = subscriberStore;
		this.deliveries = deliveries;
		this.ledger = ledger;
		this.opens = opens;
		this.links = links;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	/**
	 * Records an open of a delivery whose token was verified; it is written a moment later (see
	 * {@link OpenRecorder}), so the pixel never waits for the database.
	 * @param userAgent the request's User-Agent, for the open's classification (only its family is kept)
	 * @param address the client's address, for the classification only (never stored)
	 */
	public void recordOpen(String deliveryId, String userAgent, String address) {
		this.opens.record(deliveryId, userAgent, address);
	}

	/**
	 * Records a click on one of the issue's links (a click implies an open) and says where it leads:
	 * only to a link registered for the delivery's issue, never elsewhere.
	 * @return the link, or empty when the issue has no link with this key
	 */
	public Optional<String> followLink(String deliveryId, int linkKey, String userAgent, String address) {
		if (!DeliveryIds.isValid(deliveryId)) {
			return Optional.empty();
		}
		Optional<String> link = this.links.find(DeliveryIds.issueOf(deliveryId), linkKey);
		link.ifPresent(url -> this.opens.recordClick(deliveryId, linkKey, userAgent, address));
		return link;
	}

	/** The recipient of a delivery, for their preference center. */
	public Optional<Subscriber> recipientOf(String deliveryId) {
		return this.deliveries.findById(deliveryId).flatMap(d -> this.subscriberStore.findById(d.getSubscriberId()));
	}

	/** Saves the choices of a delivery's recipient. @return false when no such delivery exists */
	public boolean savePreferences(String deliveryId, Preferences preferences) {
		return this.deliveries.findById(deliveryId)
			.map(d -> this.subscribers.updatePreferences(d.getSubscriberId(), preferences))
			.orElse(false);
	}

	/**
	 * Unsubscribes the delivery's recipient at once, attributed to its issue in the report and the
	 * audit log. @return false when no such delivery exists
	 */
	public boolean unsubscribe(String deliveryId, UnsubscribeChannel channel) {
		var delivery = this.deliveries.findById(deliveryId);
		if (delivery.isEmpty()) {
			return false;
		}
		this.subscribers.unsubscribe(delivery.get().getSubscriberId(), channel, delivery.get().getIssueId());
		this.ledger.recordUnsubscribe(deliveryId, this.clock.instant());
		return true;
	}

}

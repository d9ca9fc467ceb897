package io.infolettre.newsletter.engagement;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.engagement.internal.BounceMessageParser;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Bounces and complaints that arrive after the send, matched to the ledger by our Message-ID (it
 * carries the delivery id): reported as such, or as the bounce message itself (a DSN, a feedback-loop
 * complaint). A hard bounce fails the entry for good and counts toward the subscriber's bounce limit;
 * a complaint stops every future send to that member at once.
 */
@Service
public class Bounces {

	private static final Logger log = LoggerFactory.getLogger(Bounces.class);

	private final ResponseLedger ledger;

	private final SubscriberManagement subscribers;

	private final DeliverySettings settings;

	private final Clock clock;

	private final List<TrackingListener> listeners;

	Bounces(ResponseLedger ledger, SubscriberManagement subscribers, DeliverySettings settings, Clock clock,
			List<TrackingListener> listeners) {
		this.listeners = List.copyOf(listeners);
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The bounce message itself, as a mail server returns it: a delivery status notification (RFC 3464)
	 * or a complaint in the Abuse Reporting Format (RFC 5965).
	 * @param message the message as received (headers and body), or only its body when the content type
	 * says what it is
	 * @return the delivery it was about, empty when it is no bounce (a delay warning, an automatic reply)
	 * or matches none of ours
	 */
	public Optional<Delivery> recordMessage(byte[] message, String contentType) {
		return BounceMessageParser.parse(message, contentType).flatMap(this::record);
	}

	/** @return the delivery the report was about, empty when it matches none of ours */
	public Optional<Delivery> record(BounceReport report) {
		Optional<String> deliveryId = deliveryIdOf(report.messageId());
		if (deliveryId.isEmpty()) {
			return Optional.empty();
		}
		Optional<Delivery> delivery = this.ledger.recordBounce(deliveryId.get(), report, this.clock.instant());
		delivery.ifPresent(d -> {
			switch (report.type()) {
				case HARD -> this.subscribers.recordHardBounce(d.getSubscriberId(),
						this.settings.hardBouncesBeforeBounced());
				case COMPLAINT -> this.subscribers.recordComplaint(d.getSubscriberId(), d.getIssueId());
				case SOFT -> {
				}
			}
			log.info("{} bounce recorded for delivery {}", report.type(), d.getId());
			this.listeners.forEach(listener -> listener.bounceRecorded(d.getIssueId(), report.type()));
		});
		return delivery;
	}

	// Our Message-IDs are <deliveryId@domain>.
	static Optional<String> deliveryIdOf(String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		String id = messageId.strip();
		if (id.startsWith("<")) {
			id = id.substring(1);
		}
		int at = id.indexOf('@');
		return at == 32 && DeliveryIds.isValid(id.substring(0, at)) ? Optional.of(id.substring(0, at))
				: Optional.empty();
	}

}

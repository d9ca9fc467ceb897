package io.infolettre.newsletter.delivery.internal;

import java.util.function.UnaryOperator;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.rendering.CompiledMessage;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.segment.RecipientSource;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.tracking.ClickRewriting;
import io.infolettre.newsletter.tracking.TrackingLinks;
import io.infolettre.newsletter.tracking.TrackingMode;
import io.infolettre.newsletter.tracking.TrackingSettings;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Renders one recipient's message from the issue compiled once for the whole send. A recipient
 * who may no longer receive mail (unsubscribed since the freeze) is skipped, never sent.
 */
class MessageComposer implements ItemProcessor<RecipientItem, DeliveryTask> {

	private final CompiledMessage compiled;

	private final RecipientSource recipients;

	private final TrackingLinks links;

	private final SenderIdentity sender;

	private final TrackingSettings tracking;

	private final String unsubscribeMailbox;

	private final String messageIdDomain;

	MessageComposer(CompiledMessage compiled, RecipientSource recipients, TrackingLinks links, SenderIdentity sender,
			TrackingSettings tracking) {
		this.compiled = compiled;
		this.recipients = recipients;
		this.links = links;
		this.sender = sender;
		this.tracking = tracking;
		this.unsubscribeMailbox = tracking.unsubscribeMailbox() == null || tracking.unsubscribeMailbox().isBlank()
				? sender.email() : tracking.unsubscribeMailbox();
		this.messageIdDomain = sender.email().substring(sender.email().indexOf('@') + 1);
	}

	@Override
	public DeliveryTask process(RecipientItem item) {
		if (item == RecipientItem.FLUSH) {
			return null;
		}
		Subscriber subscriber = item.subscriber();
		if (subscriber == null) {
			return new DeliveryTask.Skip(item.deliveryId(), null, DeliveryStatus.SKIPPED,
					"Abonné supprimé depuis le gel de la liste");
		}
		String email = subscriber.getEmail().value();
		if (!this.recipients.mayReceive(subscriber)) {
			return new DeliveryTask.Skip(item.deliveryId(), email, DeliveryStatus.SKIPPED,
					"Ne peut plus recevoir (statut " + subscriber.getStatus() + ")");
		}
		String unsubscribeUrl = this.links.unsubscribeUrl(item.deliveryId());
		boolean tracked = !subscriber.isTrackingRefused();
		boolean trackClicks = tracked && this.tracking.clicks();
		var links = new RecipientLinks(unsubscribeUrl, this.links.preferencesUrl(item.deliveryId()),
				tracked && this.tracking.opens() ? this.links.openPixelUrl(item.deliveryId()) : null, trackClicks,
				this.tracking.mode() == TrackingMode.ANONYMOUS);
		var model = RecipientModels.of(subscriber, links);
		try {
			var rendered = this.compiled.render(model);
			String html = rendered.html();
			String text = rendered.text();
			if (trackClicks) {
				String issueId = LedgerKeys.issueOf(item.deliveryId());
				UnaryOperator<String> clickUrl = url -> this.links.clickUrl(issueId, item.deliveryId(), url);
				html = ClickRewriting.html(html, this.links.baseUrl(), clickUrl);
				text = ClickRewriting.text(text, this.links.baseUrl(), clickUrl);
			}
			// Stable per delivery: a message resent after a crash carries the same Message-ID.
			String messageId = "<" + item.deliveryId() + "@" + this.messageIdDomain + ">";
			return new DeliveryTask.Send(item.deliveryId(), item.subscriberId(), email,
					new OutgoingMessage(messageId, this.sender.name(), this.sender.email(), subscriber.getFullName(),
							email, rendered.subject(), html, text, unsubscribeUrl,
							this.links.unsubscribeMailto(item.deliveryId(), this.unsubscribeMailbox)),
					item.attempts());
		}
		catch (TemplateProblem ex) {
			return new DeliveryTask.Skip(item.deliveryId(), email, DeliveryStatus.FAILED_PERMANENT,
					"Rendu impossible : " + ex.getMessage());
		}
	}

}

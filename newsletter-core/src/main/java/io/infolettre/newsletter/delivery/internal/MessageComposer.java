package io.infolettre.newsletter.delivery.internal;

import java.util.function.UnaryOperator;

import io.infolettre.newsletter.composition.IssueMessages;
import io.infolettre.newsletter.composition.RecipientModels;
import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.issue.IssueSender;
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

	private final IssueMessages messages;

	private final IssueSender from;

	private final String replyTo;

	private final RecipientSource recipients;

	private final TrackingLinks links;

	private final SenderIdentity sender;

	private final TrackingSettings tracking;

	private final String unsubscribeMailbox;

	private final String messageIdDomain;

	/**
	 * @param from the issue's sender (From)
	 * @param sender the installation's identity: its address receives List-Unsubscribe's mails (unless
	 * configured otherwise) and names the Message-IDs' domain, whatever sender an issue chose
	 */
	MessageComposer(IssueMessages messages, IssueSender from, String replyTo, RecipientSource recipients,
			TrackingLinks links, SenderIdentity sender, TrackingSettings tracking) {
		this.messages = messages;
		this.from = from;
		this.replyTo = replyTo;
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
		String language = subscriber.getLanguage();
		String unsubscribeUrl = this.links.unsubscribeUrl(item.deliveryId(), language);
		boolean tracked = !subscriber.isTrackingRefused();
		boolean trackClicks = tracked && this.tracking.clicks();
		var links = new RecipientLinks(unsubscribeUrl, this.links.preferencesUrl(item.deliveryId(), language),
				tracked && this.tracking.opens() ? this.links.openPixelUrl(item.deliveryId()) : null, trackClicks,
				this.tracking.mode() == TrackingMode.ANONYMOUS, this.links.viewInBrowserUrl(item.deliveryId(), language));
		var model = RecipientModels.of(subscriber, links);
		try {
			var rendered = this.messages.forLanguage(subscriber.getLanguage()).render(model);
			String html = rendered.html();
			String text = rendered.text();
			if (trackClicks) {
				String issueId = DeliveryIds.issueOf(item.deliveryId());
				UnaryOperator<String> clickUrl = url -> this.links.clickUrl(issueId, item.deliveryId(), url);
				html = ClickRewriting.html(html, this.links.baseUrl(), clickUrl);
				text = ClickRewriting.text(text, this.links.baseUrl(), clickUrl);
			}
			// Stable per delivery: a message resent after a crash carries the same Message-ID.
			String messageId = "<" + item.deliveryId() + "@" + this.messageIdDomain + ">";
			return new DeliveryTask.Send(item.deliveryId(), item.subscriberId(), email,
					new OutgoingMessage(messageId, this.from.name(), this.from.email(), subscriber.getFullName(), email,
							rendered.subject(), html, text, unsubscribeUrl,
							this.links.unsubscribeMailto(item.deliveryId(), this.unsubscribeMailbox), this.replyTo, false),
					item.attempts());
		}
		catch (TemplateProblem ex) {
			return new DeliveryTask.Skip(item.deliveryId(), email, DeliveryStatus.FAILED_PERMANENT,
					"Rendu impossible : " + ex.getMessage());
		}
	}

}

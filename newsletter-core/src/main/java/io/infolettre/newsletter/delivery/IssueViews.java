package io.infolettre.newsletter.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.composition.ImageSources;
import io.infolettre.newsletter.composition.IssueMessages;
import io.infolettre.newsletter.composition.RecipientModels;
import io.infolettre.newsletter.delivery.internal.DeliveryStore;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TrackingLinks;

import org.springframework.stereotype.Service;

/**
 * Issues on the web: a message as its recipient received it ("view in browser"), and the public
 * archive of sent issues, rendered for nobody in particular.
 */
@Service
public class IssueViews {

	private final IssueManagement issues;

	private final IssueRenderer renderer;

	private final ImageSources images;

	private final DeliveryStore deliveries;

	private final Subscribers subscribers;

	private final TrackingLinks links;

	IssueViews(IssueManagement issues, IssueRenderer renderer, ImageSources images, DeliveryStore deliveries,
			Subscribers subscribers, TrackingLinks links) {
		this.images = images;
		this.issues = issues;
		this.renderer = renderer;
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.links = links;
	}

	/**
	 * The message of a delivery as its recipient received it: their language, their name, their own
	 * unsubscribe and preference links, but no open pixel and no tracked link (reading it on the web
	 * records nothing). Empty when the delivery, its recipient or its issue no longer exists.
	 */
	public Optional<RenderedMessage> asReceived(String deliveryId) {
		return this.deliveries.findById(deliveryId).flatMap(delivery -> {
			var subscriber = this.subscribers.findById(delivery.getSubscriberId());
			var issue = this.issues.find(delivery.getIssueId());
			if (subscriber.isEmpty() || issue.isEmpty()) {
				return Optional.empty();
			}
			String language = subscriber.get().getLanguage();
			var links = RecipientLinks.untracked(this.links.unsubscribeUrl(deliveryId, language),
					this.links.preferencesUrl(deliveryId, language));
			return Optional.of(IssueMessages.compile(this.renderer, this.images, issue.get())
				.forLanguage(subscriber.get().getLanguage())
				.render(RecipientModels.of(subscriber.get(), links)));
		});
	}

	/**
	 * The sent issues of the public archive in a language, newest first: every archived issue in
	 * French, those with an English variant in English.
	 */
	public List<ArchivedIssue> archive(String language) {
		String wanted = "en".equals(language) ? "en" : "fr";
		return this.issues.withStatus(IssueStatus.SENT)
			.stream()
			.filter(Issue::isArchived)
			.filter(issue -> issue.languages().contains(wanted))
			.sorted(Comparator.comparing(Issue::getSentAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.flatMap(issue -> archived(issue, wanted)
				.map(m -> new ArchivedIssue(this.links.archiveSlug(issue.getId()), m.subject(), issue.getSentAt()))
				.stream())
			.toList();
	}

	/**
	 * An archived issue from its slug, for an anonymous reader: « Bonjour membre », no pixel, no
	 * tracked link, and the unsubscribe and preference links lead back to the archive. Empty when the
	 * slug is not genuine or the issue is not (or no longer) in the archive.
	 */
	public Optional<RenderedMessage> archived(String slug, String language) {
		return this.links.issueOfArchiveSlug(slug)
			.flatMap(this.issues::find)
			.filter(issue -> issue.getStatus() == IssueStatus.SENT && issue.isArchived())
			.flatMap(issue -> archived(issue, language));
	}

	private Optional<RenderedMessage> archived(Issue issue, String language) {
		String shown = issue.languageOf(language);
		try {
			return Optional.of(IssueMessages.compile(this.renderer, this.images, issue)
				.forLanguage(shown)
				.render(RecipientModels.anonymous(shown, this.links.archiveUrl(issue.getId()))));
		}
		catch (TemplateProblem ex) {
			// a template changed since the send: better absent from the archive than broken
			return Optional.empty();
		}
	}

	/** @param slug the signed opaque id of its archive page */
	public record ArchivedIssue(String slug, String subject, Instant sentAt) {
	}

}

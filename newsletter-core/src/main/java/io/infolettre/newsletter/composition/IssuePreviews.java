package io.infolettre.newsletter.composition;

import java.util.Optional;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TrackingSettings;

import org.springframework.stereotype.Service;

/**
 * An issue as a given member would receive it, rendered by the same code as the send. Links point
 * to a harmless preview address: a preview must never unsubscribe or count an open.
 */
@Service
public class IssuePreviews {

	private final IssueManagement issues;

	private final IssueRenderer renderer;

	private final ImageSources images;

	private final Subscribers subscribers;

	private final String previewUrl;

	IssuePreviews(IssueManagement issues, IssueRenderer renderer, ImageSources images, Subscribers subscribers,
			TrackingSettings tracking) {
		this.images = images;
		this.issues = issues;
		this.renderer = renderer;
		this.subscribers = subscribers;
		this.previewUrl = tracking.publicUrl().replaceAll("/+$", "") + "/apercu";
	}

	/**
	 * @param subscriberId the member to preview as; null or unknown gives a sample member
	 * @throws io.infolettre.newsletter.rendering.TemplateProblem when the issue does not render
	 */
	public RenderedMessage preview(String issueId, String subscriberId) {
		return preview(issueId, subscriberId, null);
	}

	/**
	 * @param language the variant to show ({@code fr}, {@code en}); null: the member's own
	 * @throws io.infolettre.newsletter.rendering.TemplateProblem when the issue does not render
	 */
	public RenderedMessage preview(String issueId, String subscriberId, String language) {
		Issue issue = this.issues.get(issueId);
		Optional<Subscriber> member = member(subscriberId);
		String shown = language != null ? language : member.map(Subscriber::getLanguage).orElse("fr");
		var compiled = IssueMessages.compile(this.renderer, this.images, issue).forLanguage(shown);
		return compiled.render(model(member, issue.languageOf(shown)));
	}

	/**
	 * An edit not saved yet, as the editor shows it while the coordinator types.
	 * @param language the variant to show; French when the edit has no English variant
	 * @throws io.infolettre.newsletter.rendering.TemplateProblem when it does not render
	 */
	public RenderedMessage preview(IssueEdit edit, String language, String subscriberId) {
		boolean english = "en".equals(language) && edit.english() != null;
		var draft = IssueDrafts.draftOf(edit.template(), edit.title(), english ? edit.english() : edit.french(),
				english ? "en" : "fr", this.images);
		return this.renderer.compile(draft).render(model(member(subscriberId), english ? "en" : "fr"));
	}

	private Optional<Subscriber> member(String subscriberId) {
		return Optional.ofNullable(subscriberId).filter(id -> !id.isBlank()).flatMap(this.subscribers::findById);
	}

	private RecipientModel model(Optional<Subscriber> member, String language) {
		return member.map(s -> RecipientModels.of(s, RecipientLinks.untracked(this.previewUrl, this.previewUrl)))
			.orElseGet(() -> RecipientModels.sample(language));
	}

}

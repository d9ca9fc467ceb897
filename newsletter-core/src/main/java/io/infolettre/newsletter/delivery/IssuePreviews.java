package io.infolettre.newsletter.delivery;

import java.util.Optional;

import io.infolettre.newsletter.delivery.internal.IssueDrafts;
import io.infolettre.newsletter.delivery.internal.RecipientModels;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
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

	private final Subscribers subscribers;

	private final String previewUrl;

	IssuePreviews(IssueManagement issues, IssueRenderer renderer, Subscribers subscribers, TrackingSettings tracking) {
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
		var compiled = this.renderer.compile(IssueDrafts.draftOf(this.issues.get(issueId)));
		RecipientModel model = Optional.ofNullable(subscriberId)
			.flatMap(this.subscribers::findById)
			.map(s -> RecipientModels.of(s, RecipientLinks.untracked(this.previewUrl, this.previewUrl)))
			.orElseGet(RecipientModel::sample);
		return compiled.render(model);
	}

}

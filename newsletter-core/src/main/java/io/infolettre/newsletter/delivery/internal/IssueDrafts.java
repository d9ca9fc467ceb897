package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.rendering.MessageDraft;

/** Translates an issue into what the renderer knows, keeping rendering free of the issue module. */
public final class IssueDrafts {

	private IssueDrafts() {
	}

	public static MessageDraft draftOf(Issue issue) {
		var content = issue.getContent();
		return new MessageDraft(content.template(), issue.getTitle(), content.subject(), content.preheader(),
				content.body(), content.language());
	}

}

package io.infolettre.newsletter.composition;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.rendering.MessageDraft;

/** Translates an issue into what the renderer knows, keeping rendering free of the issue module. */
public final class IssueDrafts {

	private IssueDrafts() {
	}

	/** The French (main) variant. */
	public static MessageDraft draftOf(Issue issue) {
		return draftOf(issue, "fr");
	}

	/** The variant a reader of {@code language} receives (French when the issue has no such variant). */
	public static MessageDraft draftOf(Issue issue, String language) {
		return draftOf(issue.getContent().template(), issue.getTitle(), issue.variant(language),
				issue.languageOf(language));
	}

	public static MessageDraft draftOf(String template, String title, IssueVariant variant, String language) {
		return new MessageDraft(template, title, variant.subject(), variant.preheader(), variant.body(), language);
	}

}

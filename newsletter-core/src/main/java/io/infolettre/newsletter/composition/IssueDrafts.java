package io.infolettre.newsletter.composition;

import java.util.Map;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.rendering.MessageDraft;

/** Translates an issue into what the renderer knows, keeping rendering free of the issue module. */
public final class IssueDrafts {

	private IssueDrafts() {
	}

	/** The French (main) variant. */
	public static MessageDraft draftOf(Issue issue, ImageSources images) {
		return draftOf(issue, "fr", images);
	}

	/** The variant a reader of {@code language} receives (French when the issue has no such variant). */
	public static MessageDraft draftOf(Issue issue, String language, ImageSources images) {
		return draftOf(issue.getContent().template(), issue.getTitle(), issue.variant(language),
				issue.languageOf(language), images);
	}

	/** A variant with the library images its blocks show. */
	public static MessageDraft draftOf(String template, String title, IssueVariant variant, String language,
			ImageSources images) {
		var ids = Blocks.mediaIds(variant.blocks());
		Map<String, BlockImage> found = ids.isEmpty() ? Map.of() : images.find(ids);
		return new MessageDraft(template, title, variant.subject(), variant.preheader(), variant.body(), language,
				variant.blocks(), found);
	}

}

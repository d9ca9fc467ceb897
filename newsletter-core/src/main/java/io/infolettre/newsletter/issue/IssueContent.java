package io.infolettre.newsletter.issue;

import java.util.List;

import io.infolettre.newsletter.rendering.Block;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * What the coordinator wrote in the main (French) variant: the subject (may use ${firstName} and the
 * like), a preheader shown by mail clients after the subject, the content as blocks (or, as written
 * before blocks, a Markdown body, which is one Markdown block: see {@link IssueVariant}) and the
 * template that lays it out.
 */
public record IssueContent(String subject, String preheader, String body, String template, String language,
		List<Block> blocks) {

	@PersistenceCreator
	public IssueContent {
		language = language == null || language.isBlank() ? "fr" : language;
		var variant = new IssueVariant(subject, preheader, body, blocks);
		body = variant.body();
		blocks = variant.blocks();
	}

	/** Content written in Markdown, as before blocks. */
	public IssueContent(String subject, String preheader, String body, String template, String language) {
		this(subject, preheader, body, template, language, List.of());
	}

	/** Its subject, preheader and content as a variant. */
	public IssueVariant variant() {
		return new IssueVariant(this.subject, this.preheader, this.body, this.blocks);
	}

}

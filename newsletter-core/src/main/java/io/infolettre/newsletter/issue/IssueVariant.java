package io.infolettre.newsletter.issue;

import java.util.List;

import io.infolettre.newsletter.rendering.Block;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * One language's version of an issue: what its readers see in their inbox (subject, preheader) and
 * read (its blocks). The subject and the blocks' text may use ${firstName!'membre'} and the like.
 * <p>
 * Content written before blocks is a Markdown body: a variant with a body and no blocks holds that
 * body as its one Markdown block, and a variant whose only block is a Markdown block shows it as its
 * body, so that both spellings are the same variant.
 *
 * @param body the Markdown when the content is a single Markdown block, else {@code ""}
 * @param blocks the content; never empty unless the variant has no content at all
 */
public record IssueVariant(String subject, String preheader, String body, List<Block> blocks) {

	@PersistenceCreator
	public IssueVariant {
		subject = subject == null ? "" : subject;
		preheader = preheader == null ? "" : preheader;
		// a browser's textarea sends CRLF: stored as LF, the same text saved twice is no change
		body = body == null ? "" : lineFeeds(body);
		blocks = blocks == null ? List.of() : List.copyOf(blocks);
		if (blocks.isEmpty() && !body.isBlank()) {
			blocks = List.of(Block.markdown(body));
		}
		else if (blocks.size() == 1 && blocks.get(0).isMarkdown()) {
			body = lineFeeds(blocks.get(0).field("body"));
			blocks = List.of(Block.markdown(body));
		}
		else {
			body = "";
		}
	}

	/** A variant written in Markdown, as before blocks. */
	public IssueVariant(String subject, String preheader, String body) {
		this(subject, preheader, body, List.of());
	}

	/** Nothing written in it: an English variant left empty in the editor is no variant. */
	public boolean isBlank() {
		return this.subject.isBlank() && this.preheader.isBlank()
				&& (this.blocks.isEmpty() || (this.blocks.size() == 1 && this.body.isBlank() && this.blocks.get(0).isMarkdown()));
	}

	private static String lineFeeds(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

}

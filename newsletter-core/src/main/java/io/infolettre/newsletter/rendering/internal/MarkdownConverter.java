package io.infolettre.newsletter.rendering.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with CommonMark. Raw HTML typed in the body is escaped and unsafe link schemes
 * are dropped: the coordinator writes Markdown, not markup.
 */
final class MarkdownConverter {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private MarkdownConverter() {
	}

	static String toHtml(String markdown) {
		return HTML.render(PARSER.parse(markdown == null ? "" : markdown));
	}

}

package io.infolettre.newsletter.rendering.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * A block's rich text (sanitised HTML) as the plain-text part shows it: paragraphs separated by an
 * empty line, list items as « - », a link's address after its words when they differ.
 */
final class RichTextAsPlain {

	private RichTextAsPlain() {
	}

	static String of(String html) {
		var out = new StringBuilder();
		Element body = Jsoup.parseBodyFragment(html).body();
		body.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					String words = text.text();
					if (endsWithBreak(out)) {
						words = words.stripLeading();
					}
					out.append(words);
				}
				else if (node instanceof Element element) {
					switch (element.normalName()) {
						case "br" -> out.append('\n');
						case "li" -> {
							lineBreak(out);
							Element list = element.parent();
							boolean numbered = list != null && list.normalName().equals("ol");
							out.append(numbered ? (element.elementSiblingIndex() + 1) + ". " : "- ");
						}
						case "p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "blockquote", "pre", "table", "tr" ->
							paragraphBreak(out);
						default -> {
						}
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element) {
					switch (element.normalName()) {
						case "a" -> {
							String href = element.attr("href");
							if (!href.isEmpty() && !href.equals(element.text().strip())) {
								out.append(" (").append(href.startsWith("mailto:") ? href.substring(7) : href).append(')');
							}
						}
						case "p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "blockquote", "pre", "table" ->
							paragraphBreak(out);
						case "td", "th" -> out.append(' ');
						default -> {
						}
					}
				}
			}
		});
		return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static boolean endsWithBreak(StringBuilder out) {
		return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
	}

	private static void lineBreak(StringBuilder out) {
		if (!endsWithBreak(out)) {
			out.append('\n');
		}
	}

	private static void paragraphBreak(StringBuilder out) {
		if (out.isEmpty()) {
			return;
		}
		lineBreak(out);
		if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
			out.append('\n');
		}
	}

}

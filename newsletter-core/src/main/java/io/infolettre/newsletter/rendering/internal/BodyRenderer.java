package io.infolettre.newsletter.rendering.internal;

import java.util.Locale;
import java.util.regex.Matcher;

import io.infolettre.newsletter.rendering.internal.BodySections.Section;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns the coordinator's body into the two sources compiled by FreeMarker: sanitised HTML, with
 * each content block laid out as a styled section (tables and inline styles, as email clients
 * need), and the plain-text version, where a block becomes a titled section. Both keep the body's
 * FreeMarker interpolations, so that personalisation works in blocks too.
 */
final class BodyRenderer {

	private static final Parser PARSER = Parser.builder().build();

	// Raw HTML is let through CommonMark and then sanitised: a table typed in the body survives,
	// a script or an event handler does not.
	private static final HtmlRenderer HTML = HtmlRenderer.builder().sanitizeUrls(true).build();

	private final String language;

	private final BrandingSettings brand;

	BodyRenderer(String language, BrandingSettings brand) {
		this.language = "en".equals(language) ? "en" : "fr";
		this.brand = brand;
	}

	/** The HTML source of {@code content.html}; the body's problems are reported by {@link #text}. */
	String html(String body) {
		var out = new StringBuilder();
		for (Section section : BodySections.parse(body)) {
			if (section.block() == null) {
				out.append(sanitized(PARSER.parse(section.markdown())));
			}
			else {
				block(section, out);
			}
		}
		return out.toString();
	}

	/**
	 * The Markdown source as text, each block's fences replaced by its title line and an empty line:
	 * the line numbers stay those the coordinator typed, for the problems FreeMarker reports.
	 */
	String text(String body) {
		BodySections.parse(body);
		var out = new StringBuilder();
		for (String line : (body == null ? "" : body).lines().toList()) {
			Matcher opening = BodySections.OPENING.matcher(line);
			if (BodySections.CLOSING.matcher(line).matches()) {
				out.append('\n');
			}
			else if (opening.matches()) {
				out.append("== ").append(ContentBlock.named(opening.group(1)).orElseThrow().label(this.language)
					.toUpperCase(Locale.ROOT));
				if (!opening.group(2).isEmpty()) {
					out.append(" : ").append(opening.group(2));
				}
				out.append(" ==\n");
			}
			else {
				out.append(line).append('\n');
			}
		}
		return out.toString();
	}

	private void block(Section section, StringBuilder out) {
		String colour = switch (section.block()) {
			case EVENEMENT -> this.brand.accentColor();
			case FORMATION -> "#2e7d4f";
			case NOUVELLES -> this.brand.primaryColor();
			case SONDAGE -> "#6a3d9a";
		};
		String type = section.block().name().toLowerCase(Locale.ROOT);
		Node document = PARSER.parse(section.markdown());
		Button button = section.block() == ContentBlock.SONDAGE ? takeFirstLink(document) : null;
		out.append("<table role=\"presentation\" class=\"bloc bloc-")
			.append(type)
			.append("\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;margin:0 0 24px;\">\n")
			.append("<tr><td class=\"bloc-corps\" bgcolor=\"#f5f7fa\" style=\"background-color:#f5f7fa;border-left:4px solid ")
			.append(colour)
			.append(";padding:16px 20px;border-radius:0 4px 4px 0;\">\n")
			.append("<p class=\"etiquette\" style=\"margin:0 0 4px;font-size:12px;line-height:16px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:")
			.append(colour)
			.append(";\">")
			.append(escape(section.block().label(this.language)))
			.append("</p>\n");
		if (!section.title().isEmpty()) {
			out.append("<h3 style=\"margin:0 0 8px;font-size:18px;line-height:24px;\">")
				.append(escape(section.title()))
				.append("</h3>\n");
		}
		out.append(sanitized(document));
		if (button != null) {
			button(button, colour, out);
		}
		out.append("</td></tr>\n</table>\n");
	}

	/** A bulletproof button: a table cell carries the colour, so Outlook shows it too. */
	private static void button(Button button, String colour, StringBuilder out) {
		String label = button.label();
		String url = button.url();
		out.append("<table role=\"presentation\" class=\"bouton\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:8px 0 4px;\">")
			.append("<tr><td align=\"center\" bgcolor=\"")
			.append(colour)
			.append("\" style=\"background-color:")
			.append(colour)
			.append(";border-radius:4px;\"><a href=\"")
			.append(escape(url))
			.append("\" target=\"_blank\" rel=\"noopener\" style=\"display:inline-block;padding:12px 24px;font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;\">")
			.append(escape(label.isEmpty() ? url : label))
			.append("</a></td></tr></table>\n");
	}

	/**
	 * Removes the first link with an http, https or mailto destination from the block: alone in its
	 * paragraph, the paragraph goes; inside a sentence, its words stay as plain text.
	 */
	private static Button takeFirstLink(Node document) {
		Link[] found = new Link[1];
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Link link) {
				if (found[0] == null && link.getDestination().matches("(?i)(https?://|mailto:)\\S+")) {
					found[0] = link;
				}
			}
		});
		Link link = found[0];
		if (link == null) {
			return null;
		}
		var button = new Button(textOf(link).strip(), link.getDestination());
		Node parent = link.getParent();
		if (parent instanceof Paragraph && aloneIn(link, parent)) {
			parent.unlink();
		}
		else {
			Node child = link.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				link.insertBefore(child);
				child = next;
			}
			link.unlink();
		}
		return button;
	}

	private record Button(String label, String url) {
	}

	private static boolean aloneIn(Node node, Node parent) {
		for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
			boolean blank = child instanceof SoftLineBreak
					|| child instanceof Text text && text.getLiteral().isBlank();
			if (child != node && !blank) {
				return false;
			}
		}
		return true;
	}

	private static String textOf(Node node) {
		var text = new StringBuilder();
		node.accept(new AbstractVisitor() {
			@Override
			public void visit(Text t) {
				text.append(t.getLiteral());
			}

			@Override
			public void visit(Code code) {
				text.append(code.getLiteral());
			}
		});
		return text.toString();
	}

	private static String sanitized(Node document) {
		var interpolations = new Interpolations();
		return interpolations.restore(ContentPolicy.sanitize(interpolations.protect(HTML.render(document))));
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}

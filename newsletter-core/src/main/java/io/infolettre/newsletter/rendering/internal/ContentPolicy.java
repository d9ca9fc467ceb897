package io.infolettre.newsletter.rendering.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What coordinator-written HTML (the Markdown body, raw HTML typed in it included) may keep, applied
 * by the OWASP Java HTML Sanitizer: headings, paragraphs, lists, emphasis, quotes, tables, links to
 * http, https and mailto, and images served over https with their alternative text. Scripts, event
 * handlers, styles, forms and frames are dropped; the layout around the content gives the style.
 */
final class ContentPolicy {

	private static final Pattern HTTPS = Pattern.compile("(?i)https://[^\\s\"<>]+");

	private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,4}");

	static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("h1", "h2", "h3", "h4", "p", "br", "hr", "blockquote", "pre", "code", "ul", "ol", "li", "strong",
				"b", "em", "i", "u", "s", "del", "sub", "sup", "small", "span", "div")
		.allowElements("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption")
		.allowAttributes("colspan", "rowspan")
		.matching(DIMENSION)
		.onElements("td", "th")
		.allowAttributes("align")
		.matching(false, "left", "center", "right")
		.onElements("td", "th", "p")
		.allowAttributes("start")
		.matching(DIMENSION)
		.onElements("ol")
		.allowElements("a")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href", "title")
		.onElements("a")
		.requireRelsOnLinks("noopener")
		.allowElements("img")
		.allowAttributes("src")
		.matching((element, attribute, value) -> HTTPS.matcher(value).matches() ? value : null)
		.onElements("img")
		.allowAttributes("alt", "title")
		.onElements("img")
		.allowAttributes("width", "height")
		.matching(DIMENSION)
		.onElements("img")
		// an image whose source was refused is dropped whole, not kept as an empty <img>
		.allowElements((element, attributes) -> hasSource(attributes) ? element : null, "img")
		.toFactory();

	private ContentPolicy() {
	}

	/**
	 * The sanitised HTML. The sanitiser also writes {@code =}, {@code @} and {@code +} as character
	 * references, which is valid but hides link addresses from what reads the HTML as text (click
	 * tracking rewrites {@code href="https://…"}, mail checkers look for {@code mailto:} addresses);
	 * in its output every attribute is double-quoted, so these characters are safe as they are.
	 */
	static String sanitize(String html) {
		return POLICY.sanitize(html).replace("&#61;", "=").replace("&#64;", "@").replace("&#43;", "+");
	}

	private static boolean hasSource(List<String> attributes) {
		for (int i = 0; i < attributes.size(); i += 2) {
			if ("src".equals(attributes.get(i))) {
				return true;
			}
		}
		return false;
	}

}

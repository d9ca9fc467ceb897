package io.infolettre.newsletter.composition.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.infolettre.newsletter.rendering.RenderedMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the preflight looks for in a rendered message, read with a real HTML parser (jsoup), never
 * with regular expressions over HTML.
 */
public final class RenderedMessageChecks {

	/** Gmail clips a message whose HTML is longer than this and hides the rest (footer included). */
	public static final int GMAIL_CLIP_BYTES = 102 * 1024;

	private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

	private static final Pattern FREE = Pattern.compile("(?iu)\\b(gratuit(e|s|es)?|free)\\b");

	private final RenderedMessage message;

	private final Document html;

	public RenderedMessageChecks(RenderedMessage message) {
		this.message = message;
		this.html = Jsoup.parse(message.html());
	}

	/** Whether both parts carry this unsubscribe URL (as a link in the HTML). */
	public boolean hasUnsubscribeLink(String unsubscribeUrl) {
		boolean inHtml = this.html.select("a[href]")
			.stream()
			.anyMatch(a -> a.attr("href").strip().equals(unsubscribeUrl));
		return inHtml && this.message.text().contains(unsubscribeUrl);
	}

	/** The links that are not absolute http, https or mailto URLs. */
	public List<String> badLinks() {
		var bad = new ArrayList<String>();
		for (Element a : this.html.select("a[href]")) {
			String href = a.attr("href").strip();
			if (!wellFormed(href)) {
				bad.add(href.isEmpty() ? "(vide)" : href);
			}
		}
		return bad;
	}

	private static boolean wellFormed(String href) {
		try {
			URI uri = new URI(href);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!LINK_SCHEMES.contains(scheme)) {
				return false;
			}
			return scheme.equals("mailto") ? uri.getSchemeSpecificPart().contains("@")
					: uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The sources of images without an alt text. Markdown writes {@code alt=""} for {@code ![](…)},
	 * so an empty one counts as missing; only a 1×1 image (a pixel) may go without.
	 */
	public List<String> imagesWithoutAlt() {
		return this.html.select("img")
			.stream()
			.filter(img -> img.attr("alt").isBlank())
			.filter(img -> !("1".equals(img.attr("width")) && "1".equals(img.attr("height"))))
			.map(img -> img.attr("src"))
			.toList();
	}

	/** The sources of the images shown (not a 1×1 pixel), each once, in their order. */
	public List<String> imageSources() {
		return this.html.select("img[src]")
			.stream()
			.filter(img -> !("1".equals(img.attr("width")) && "1".equals(img.attr("height"))))
			.map(img -> img.attr("src").strip())
			.filter(src -> !src.isEmpty())
			.distinct()
			.toList();
	}

	public int htmlBytes() {
		return this.message.html().getBytes(StandardCharsets.UTF_8).length;
	}

	public boolean hasText() {
		return this.message.text() != null && !this.message.text().isBlank();
	}

	/** Cheap SpamAssassin-like warnings about the subject, empty when there is none. */
	public List<String> subjectWarnings() {
		String subject = this.message.subject();
		var warnings = new ArrayList<String>();
		long letters = subject.codePoints().filter(Character::isLetter).count();
		long upper = subject.codePoints().filter(Character::isUpperCase).count();
		if (letters >= 6 && upper * 10 >= letters * 8) {
			warnings.add("objet en MAJUSCULES");
		}
		long exclamations = subject.chars().filter(c -> c == '!').count();
		if (exclamations >= 2) {
			warnings.add(exclamations + " points d'exclamation dans l'objet");
		}
		if (FREE.matcher(subject).find()) {
			warnings.add("« gratuit » ou « free » dans l'objet");
		}
		return warnings;
	}

}

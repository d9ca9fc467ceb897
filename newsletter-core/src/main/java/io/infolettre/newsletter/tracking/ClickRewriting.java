package io.infolettre.newsletter.tracking;

import java.net.URI;
import java.net.URISyntaxException;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the links of a rendered message to their tracked form: every http(s) {@code href} of the
 * HTML part, every http(s) address of the text part. Links to the installation itself (unsubscribe,
 * preferences, the pixel), other schemes (mailto:, tel:) and malformed addresses are left as they are.
 */
public final class ClickRewriting {

	private static final Pattern HREF = Pattern.compile("(href\\s*=\\s*\")(https?://[^\"]+)(\")", Pattern.CASE_INSENSITIVE);

	private static final Pattern TEXT_URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

	private ClickRewriting() {
	}

	/**
	 * @param tracked turns a link's URL (as a browser reads it: entities decoded) into its tracked URL
	 * @param own the installation's public URL, whose links stay as they are
	 */
	public static String html(String html, String own, UnaryOperator<String> tracked) {
		Matcher matcher = HREF.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + 256);
		while (matcher.find()) {
			String url = unescape(matcher.group(2));
			String replacement = !isTracked(url, own) ? matcher.group(0)
					: matcher.group(1) + escape(tracked.apply(url)) + matcher.group(3);
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	public static String text(String text, String own, UnaryOperator<String> tracked) {
		Matcher matcher = TEXT_URL.matcher(text);
		StringBuilder out = new StringBuilder(text.length() + 256);
		while (matcher.find()) {
			String url = matcher.group();
			matcher.appendReplacement(out, Matcher.quoteReplacement(isTracked(url, own) ? tracked.apply(url) : url));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	// A link that is not a well-formed URI (a space, a control character) is left alone: the redirect
	// could not carry it safely.
	private static boolean isTracked(String url, String own) {
		if (url.startsWith(own)) {
			return false;
		}
		try {
			new URI(url);
			return url.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String unescape(String attribute) {
		return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	private static String escape(String url) {
		return url.replace("&", "&amp;").replace("\"", "&quot;");
	}

}

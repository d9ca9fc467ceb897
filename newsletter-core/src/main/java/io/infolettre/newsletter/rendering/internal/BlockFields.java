package io.infolettre.newsletter.rendering.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What checking a block's fields needs of the rendering internals: rich text sanitised by the same
 * {@link ContentPolicy} as the Markdown body, merge fields kept intact.
 */
public final class BlockFields {

	private BlockFields() {
	}

	/** The rich text as the sanitiser lets it through, its merge fields ({@code ${…}}) untouched. */
	public static String sanitizeHtml(String html) {
		var interpolations = new Interpolations();
		return interpolations.restore(ContentPolicy.sanitize(interpolations.protect(html)));
	}

	/** Whether sanitised rich text shows nothing: no words, no image ({@code <p><br></p>} from an editor). */
	public static boolean isBlankHtml(String html) {
		if (html == null || html.isBlank()) {
			return true;
		}
		Document document = Jsoup.parseBodyFragment(html);
		return document.body().text().isBlank() && document.body().select("img").isEmpty();
	}

	/** The text with each merge field replaced by {@code word}: to check an address that holds some. */
	public static String withoutMergeFields(String text, String word) {
		var interpolations = new Interpolations();
		return interpolations.protect(text).replaceAll(Interpolations.PLACEHOLDER.pattern(), word);
	}

}

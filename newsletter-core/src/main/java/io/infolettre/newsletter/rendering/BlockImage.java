package io.infolettre.newsletter.rendering;

/**
 * An image of the media library as an image block shows it, resolved before rendering (rendering
 * knows no media library): the variant for email and its double-density twin.
 *
 * @param url the email variant (600 px wide, or the original when narrower)
 * @param width its width in pixels
 * @param height its height in pixels
 * @param retinaUrl the variant for high-density screens (1,200 px or the largest there is); may be
 * {@code url} itself
 * @param bytes the email variant's size, for the weight of an issue
 */
public record BlockImage(String url, int width, int height, String retinaUrl, long bytes) {

	public BlockImage {
		retinaUrl = retinaUrl == null || retinaUrl.isBlank() ? url : retinaUrl;
	}

}

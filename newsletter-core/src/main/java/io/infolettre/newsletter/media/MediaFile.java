package io.infolettre.newsletter.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An image of the library as it is stored: the full-size file (encoded again without metadata, at
 * most {@link MediaSettings#maxWidth()} wide) and its narrower variants for email.
 * @param id its identifier in the API and in the image blocks
 * @param name the name the coordinator gave it (searchable)
 * @param contentType the full-size file's type: {@code image/jpeg}, {@code image/png} or {@code image/gif}
 * @param width the full-size file's width in pixels
 * @param height the full-size file's height in pixels
 * @param bytes the full-size file's size
 * @param url the full-size file's public address
 * @param variants the narrower files, narrowest first; empty when the image is no wider than the
 * narrowest variant, and for an animated GIF (kept as it came, see {@link #emailVariant()})
 */
public record MediaFile(String id, String name, String contentType, int width, int height, long bytes,
		Instant uploadedAt, String url, List<MediaVariant> variants) {

	/** The email's usual width: what an image block shows at most. */
	public static final int EMAIL_WIDTH = 600;

	public MediaFile {
		variants = List.copyOf(variants);
	}

	/** The full-size file as a variant. */
	public MediaVariant original() {
		return new MediaVariant(this.width, this.height, this.url, this.bytes);
	}

	/**
	 * What an email shows: the 600 px variant, or the full-size file when it is no wider. An image
	 * wider without that variant (an animated GIF, kept as it came) is its full-size file given the
	 * email's width and the height in proportion, for the {@code width} and {@code height} attributes
	 * that scale it in the message.
	 */
	public MediaVariant emailVariant() {
		if (this.width <= EMAIL_WIDTH) {
			return original();
		}
		return this.variants.stream()
			.filter(variant -> variant.width() == EMAIL_WIDTH)
			.findFirst()
			.orElseGet(() -> new MediaVariant(EMAIL_WIDTH,
					Math.max(1, Math.round((float) this.height * EMAIL_WIDTH / this.width)), this.url, this.bytes));
	}

	/**
	 * For high-density screens ({@code srcset 2x}): the 1,200 px variant, or the widest file there is
	 * below it (the full-size file when it is no wider than 1,200 px).
	 */
	public MediaVariant retinaVariant() {
		int retina = 2 * EMAIL_WIDTH;
		if (this.width <= retina) {
			return original();
		}
		return this.variants.stream()
			.filter(variant -> variant.width() <= retina)
			.max(Comparator.comparingInt(MediaVariant::width))
			.orElseGet(this::original);
	}

}

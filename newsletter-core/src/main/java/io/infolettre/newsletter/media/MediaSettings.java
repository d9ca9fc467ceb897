package io.infolettre.newsletter.media;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The media library's limits and encodings ({@code newsletter.media.*}).
 *
 * @param maxUploadSize the largest file an upload may be; a larger one is refused, never read past
 * this size plus one byte
 * @param maxPixels the most pixels (width × height, read from the header before decoding) an image
 * may have: a small file that decodes to a huge image (a decompression bomb) is refused before it
 * takes the memory
 * @param maxWidth the width the full-size file is reduced to when the upload is wider (it is encoded
 * again anyway, to leave its metadata behind)
 * @param variantWidths the widths of the email variants made when the image is wider (600 for the
 * email, 1,200 for high-density screens)
 * @param jpegQuality the JPEG quality of every file encoded (0 to 1)
 * @param cacheSize the public files kept in memory once served, all nodes alike (a send of an issue
 * asks for the same few files thousands of times); 0 keeps none
 * @param processingWait how long an upload waits for its turn when others are being processed (one
 * at a time, since a large image takes a few hundred megabytes while it is processed)
 */
@ConfigurationProperties("newsletter.media")
public record MediaSettings(DataSize maxUploadSize, Long maxPixels, Integer maxWidth, List<Integer> variantWidths,
		Float jpegQuality, DataSize cacheSize, Duration processingWait) {

	public MediaSettings {
		maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(10) : maxUploadSize;
		maxPixels = maxPixels == null ? 40_000_000L : maxPixels;
		maxWidth = maxWidth == null ? 2400 : maxWidth;
		variantWidths = variantWidths == null || variantWidths.isEmpty() ? List.of(600, 1200)
				: variantWidths.stream().sorted().distinct().toList();
		jpegQuality = jpegQuality == null ? 0.85f : jpegQuality;
		cacheSize = cacheSize == null ? DataSize.ofMegabytes(64) : cacheSize;
		processingWait = processingWait == null ? Duration.ofSeconds(30) : processingWait;
		if (maxUploadSize.toBytes() <= 0 || maxPixels <= 0 || maxWidth <= 0 || jpegQuality <= 0 || jpegQuality > 1
				|| variantWidths.stream().anyMatch(width -> width <= 0)) {
			throw new IllegalArgumentException("newsletter.media: sizes, pixels and widths are positive, "
					+ "the JPEG quality between 0 and 1");
		}
	}

	/** The default settings. */
	public static MediaSettings defaults() {
		return new MediaSettings(null, null, null, null, null, null, null);
	}

	/** The size limit as a coordinator reads it: « 10 Mo », « 1,5 Mo ». */
	public String maxUploadSizeInWords() {
		return megabytes(this.maxUploadSize.toBytes());
	}

	static String megabytes(long bytes) {
		double megabytes = bytes / (1024.0 * 1024.0);
		String number = megabytes == Math.rint(megabytes) ? String.valueOf((long) megabytes)
				: String.format(java.util.Locale.ROOT, "%.1f", megabytes).replace('.', ',');
		return number + " Mo";
	}

}

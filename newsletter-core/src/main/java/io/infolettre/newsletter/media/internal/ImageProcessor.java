package io.infolettre.newsletter.media.internal;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaSettings;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Makes the files of an image from an upload: checks what it is from its bytes, refuses it beyond
 * the pixel limit (read from the header, before decoding), decodes it, turns it as its EXIF says,
 * and encodes it again, which leaves every metadata behind: the full-size file (at most
 * {@code maxWidth} wide) and a variant at each of the {@code variantWidths} narrower than it,
 * downscaled with Thumbnailator (in halving steps, then bilinear, with quality rendering hints).
 * <p>
 * What each format becomes: JPEG stays JPEG; PNG stays PNG, transparency kept; WebP, which mail
 * clients do not all show, becomes PNG when it has transparent pixels and JPEG otherwise; a still
 * GIF becomes PNG; an animated GIF keeps its frames as they came, without its comments and
 * application blocks ({@link GifStream}), and gets no variants: the email's {@code width}
 * attribute scales it.
 */
final class ImageProcessor {

	static final String FULL_SIZE = "image";

	private final MediaSettings settings;

	ImageProcessor(MediaSettings settings) {
		this.settings = settings;
	}

	/** The full-size file first, then the variants, narrowest first. */
	List<Rendition> process(byte[] bytes) {
		ImageFormat format = ImageFormat.of(bytes);
		if (format == ImageFormat.GIF) {
			GifStream gif = GifStream.read(bytes);
			checkPixels(gif.width(), gif.height());
			checkPixels(gif.largestFramePixels());
			if (gif.frames() == 0) {
				throw new MediaRejected(ImageDecoding.DAMAGED);
			}
			if (gif.frames() > 1) {
				return List.of(animated(gif));
			}
		}
		ImageDecoding.Size size = ImageDecoding.size(bytes, format);
		checkPixels(size.width(), size.height());
		Orientation orientation = format == ImageFormat.JPEG ? ExifOrientation.of(bytes) : Orientation.TOP_LEFT;
		BufferedImage decoded = ImageDecoding.decode(bytes, format);
		boolean transparent = format != ImageFormat.JPEG && hasTransparentPixels(decoded);
		ImageFormat output = format == ImageFormat.JPEG || format == ImageFormat.WEBP && !transparent
				? ImageFormat.JPEG : ImageFormat.PNG;
		BufferedImage full = fullSize(inSrgb(decoded, transparent), orientation);
		decoded = null;
		List<Rendition> renditions = new ArrayList<>();
		renditions.add(encode(full, FULL_SIZE, output, false));
		for (int width : this.settings.variantWidths()) {
			if (width < full.getWidth()) {
				renditions.add(encode(scaled(full, width, heightAt(full, width)), String.valueOf(width), output, true));
			}
		}
		return renditions;
	}

	private Rendition animated(GifStream gif) {
		byte[] cleaned = gif.cleaned();
		// the blocks are GIF's; the first frame must decode too
		ImageDecoding.decode(cleaned, ImageFormat.GIF);
		return new Rendition(FULL_SIZE + ".gif", ImageFormat.GIF.contentType(), gif.width(), gif.height(), cleaned,
				false);
	}

	private void checkPixels(int width, int height) {
		checkPixels((long) width * height);
		if (width <= 0 || height <= 0) {
			throw new MediaRejected(ImageDecoding.DAMAGED);
		}
	}

	private void checkPixels(long pixels) {
		if (pixels > this.settings.maxPixels()) {
			throw new MediaRejected(String.format(Locale.CANADA_FRENCH,
					"L’image compte %.1f mégapixels, plus que les %.1f permis : réduisez-la (%,d pixels de large "
							+ "suffisent à une infolettre) et réessayez.",
					pixels / 1e6, this.settings.maxPixels() / 1e6, this.settings.maxWidth()));
		}
	}

	// at most maxWidth wide once turned, and turned: the sides swap for a quarter turn
	private BufferedImage fullSize(BufferedImage image, Orientation orientation) {
		boolean swaps = ExifOrientation.swapsSides(orientation);
		int shownWidth = swaps ? image.getHeight() : image.getWidth();
		if (shownWidth <= this.settings.maxWidth() && orientation == Orientation.TOP_LEFT) {
			return image;
		}
		double scale = Math.min(1.0, (double) this.settings.maxWidth() / shownWidth);
		BufferedImage scaled = scale < 1.0 ? scaled(image, Math.max(1, (int) Math.round(image.getWidth() * scale)),
				Math.max(1, (int) Math.round(image.getHeight() * scale))) : image;
		// applied to the pixels directly: given to Thumbnailator's builder, the filter also swaps the
		// size asked for, which this size (taken before the turn) already accounts for
		return orientation == Orientation.TOP_LEFT ? scaled
				: ExifFilterUtils.getFilterForOrientation(orientation).apply(scaled);
	}

	private static int heightAt(BufferedImage image, int width) {
		return Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
	}

	private static BufferedImage scaled(BufferedImage image, int width, int height) {
		try {
			return Thumbnails.of(image).forceSize(width, height).imageType(image.getType()).asBufferedImage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Rendition encode(BufferedImage image, String name, ImageFormat format, boolean variant) {
		byte[] bytes = format == ImageFormat.JPEG ? ImageEncoding.jpeg(image, this.settings.jpegQuality())
				: ImageEncoding.png(image);
		String extension = format == ImageFormat.JPEG ? ".jpg" : ".png";
		return new Rendition(name + extension, format.contentType(), image.getWidth(), image.getHeight(), bytes, variant);
	}

	/**
	 * The picture as 8-bit sRGB pixels, with an alpha channel only when it has transparent pixels: a
	 * photo in another colour space (Adobe RGB, Display P3 from a phone) is converted, since its ICC
	 * profile is not written again and mail clients would take its values for sRGB.
	 */
	static BufferedImage inSrgb(BufferedImage image, boolean transparent) {
		int type = transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		ColorSpace space = image.getColorModel().getColorSpace();
		var converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
		if (space instanceof ICC_ColorSpace && space.getType() == ColorSpace.TYPE_RGB && !space.isCS_sRGB()) {
			new ColorConvertOp(null).filter(image, converted);
			return converted;
		}
		if (image.getType() == type) {
			return image;
		}
		Graphics2D graphics = converted.createGraphics();
		try {
			if (!transparent) {
				// a picture without transparent pixels but with an alpha channel: its (opaque) pixels over white
				graphics.setColor(Color.WHITE);
				graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
			}
			else {
				graphics.setComposite(AlphaComposite.Src);
			}
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return converted;
	}

	static boolean hasTransparentPixels(BufferedImage image) {
		ColorModel model = image.getColorModel();
		if (!model.hasAlpha()) {
			return model instanceof IndexColorModel indexed && indexed.getTransparentPixel() >= 0;
		}
		if (model instanceof IndexColorModel) {
			return true;
		}
		WritableRaster alpha = image.getAlphaRaster();
		if (alpha == null) {
			return true;
		}
		int max = (1 << model.getComponentSize(model.getNumComponents() - 1)) - 1;
		int[] row = new int[alpha.getWidth()];
		for (int y = 0; y < alpha.getHeight(); y++) {
			alpha.getSamples(alpha.getMinX(), alpha.getMinY() + y, alpha.getWidth(), 1, 0, row);
			for (int value : row) {
				if (value < max) {
					return true;
				}
			}
		}
		return false;
	}

}

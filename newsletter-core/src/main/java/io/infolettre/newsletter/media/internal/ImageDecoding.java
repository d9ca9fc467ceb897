package io.infolettre.newsletter.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.infolettre.newsletter.media.MediaRejected;

/**
 * Decodes an upload with ImageIO: TwelveMonkeys' readers for JPEG (CMYK and YCCK, broken ICC
 * profiles and other files the JDK's reader fails on) and WebP, the JDK's for PNG and GIF. The size
 * is read from the header first and checked against the pixel limit before any decoding, so a small
 * file that would decode to gigabytes (a decompression bomb) takes no memory. A reader's warning
 * (for a JPEG cut short, "Premature end of JPEG file", the JDK fills the rest with grey) or failure
 * refuses the file as damaged: nothing half-decoded is stored.
 */
final class ImageDecoding {

	static final String DAMAGED = "L’image est tronquée ou endommagée : elle ne se lit pas jusqu’au bout. "
			+ "Ouvrez-la et enregistrez-la de nouveau, ou exportez-la une autre fois, puis réessayez.";

	private ImageDecoding() {
	}

	/** The size of the first image, from the header alone. */
	record Size(int width, int height) {

		long pixels() {
			return (long) this.width * this.height;
		}

	}

	static Size size(byte[] bytes, ImageFormat format) {
		return withReader(bytes, format, reader -> new Size(reader.getWidth(0), reader.getHeight(0)));
	}

	/** The first image, decoded; refused when the reader warns or fails. */
	static BufferedImage decode(byte[] bytes, ImageFormat format) {
		return withReader(bytes, format, reader -> {
			List<String> warnings = new ArrayList<>();
			IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
			reader.addIIOReadWarningListener(listener);
			BufferedImage image = reader.read(0);
			if (!warnings.isEmpty()) {
				throw new MediaRejected(DAMAGED, new IOException(String.join("; ", warnings)));
			}
			return image;
		});
	}

	private interface ReaderWork<T> {

		T on(ImageReader reader) throws IOException;

	}

	private static <T> T withReader(byte[] bytes, ImageFormat format, ReaderWork<T> work) {
		ImageReader reader = reader(format);
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			return work.on(reader);
		}
		catch (MediaRejected ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// readers of damaged files throw anything: IIOException, EOFException, IndexOutOfBounds…
			throw new MediaRejected(DAMAGED, ex);
		}
		finally {
			reader.dispose();
		}
	}

	/** A new reader of the format, TwelveMonkeys' one when there is one. */
	static ImageReader reader(ImageFormat format) {
		ImageReader chosen = null;
		for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.formatName()); readers
			.hasNext();) {
			ImageReader reader = readers.next();
			if (chosen == null || isTwelveMonkeys(reader) && !isTwelveMonkeys(chosen)) {
				chosen = reader;
			}
		}
		if (chosen == null) {
			throw new IllegalStateException("No ImageIO reader for " + format + ": are TwelveMonkeys' plugins on the class path?");
		}
		return chosen;
	}

	static boolean isTwelveMonkeys(ImageReader reader) {
		return reader.getClass().getName().startsWith("com.twelvemonkeys.");
	}

}

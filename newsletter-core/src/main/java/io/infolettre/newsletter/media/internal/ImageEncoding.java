package io.infolettre.newsletter.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes pixels into a new file, with no metadata at all: the writers are given none, so a JPEG
 * carries its JFIF header and pixels, a PNG its header and pixels (transparency kept), and nothing
 * of what the upload carried (EXIF with its GPS position, XMP, comments, thumbnails) can follow.
 * JPEGs are baseline (every mail client, Outlook's Word engine included, shows them) with optimised
 * Huffman tables (smaller at the same quality).
 */
final class ImageEncoding {

	private ImageEncoding() {
	}

	static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = writer("jpeg");
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(quality);
		if (param instanceof JPEGImageWriteParam jpeg) {
			jpeg.setOptimizeHuffmanTables(true);
		}
		return write(writer, image, param);
	}

	static byte[] png(BufferedImage image) {
		ImageWriter writer = writer("png");
		return write(writer, image, writer.getDefaultWriteParam());
	}

	private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
		var bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	// the JDK's writers: TwelveMonkeys' JPEG writer only wraps the JDK's, for CMYK, which is never written here
	private static ImageWriter writer(String format) {
		ImageWriter chosen = null;
		for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format); writers.hasNext();) {
			ImageWriter writer = writers.next();
			if (chosen == null || writer.getClass().getName().startsWith("com.sun.")) {
				chosen = writer;
			}
		}
		if (chosen == null) {
			throw new IllegalStateException("No ImageIO writer for " + format);
		}
		return chosen;
	}

}

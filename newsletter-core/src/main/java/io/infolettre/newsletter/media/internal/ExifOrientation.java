package io.infolettre.newsletter.media.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * The EXIF orientation of a JPEG: a phone stores the sensor's pixels as they came and writes in the
 * EXIF how to turn them. Since the EXIF is left behind (it also holds the place the photo was taken),
 * the turn is applied to the pixels themselves. Read with TwelveMonkeys' EXIF (TIFF) reader, which
 * follows the IFD offsets wherever they point.
 */
final class ExifOrientation {

	private ExifOrientation() {
	}

	/** The orientation the JPEG's EXIF gives, {@link Orientation#TOP_LEFT} (as stored) when none or unreadable. */
	static Orientation of(byte[] jpeg) {
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
			List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
			if (exif.isEmpty()) {
				return Orientation.TOP_LEFT;
			}
			InputStream data = exif.get(0).data();
			// "Exif" is followed by two zero bytes; data() starts after the first
			if (data.read() < 0) {
				return Orientation.TOP_LEFT;
			}
			Directory directory = new TIFFReader().read(new MemoryCacheImageInputStream(data));
			Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
			Orientation orientation = entry != null && entry.getValue() instanceof Number value
					? Orientation.typeOf(value.intValue()) : null;
			return orientation == null ? Orientation.TOP_LEFT : orientation;
		}
		catch (IOException | RuntimeException ex) {
			// a damaged EXIF does not make a damaged picture: shown as stored
			return Orientation.TOP_LEFT;
		}
	}

	/** Whether the orientation turns the picture a quarter, so that its width becomes its height. */
	static boolean swapsSides(Orientation orientation) {
		return switch (orientation) {
			case LEFT_TOP, RIGHT_TOP, RIGHT_BOTTOM, LEFT_BOTTOM -> true;
			default -> false;
		};
	}

}

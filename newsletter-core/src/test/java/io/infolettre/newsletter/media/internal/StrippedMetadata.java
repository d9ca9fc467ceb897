package io.infolettre.newsletter.media.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.gif.GifCommentDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import io.infolettre.newsletter.fixtures.TestImages;

/**
 * What a file still says beyond its pixels, read by an independent parser (metadata-extractor):
 * EXIF, GPS, XMP, IPTC, ICC, Photoshop blocks, comments, PNG text chunks; and the telltale strings of
 * the test images' metadata in the raw bytes.
 */
final class StrippedMetadata {

	private StrippedMetadata() {
	}

	static Metadata read(byte[] file) {
		try {
			return ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
		}
		catch (ImageProcessingException | IOException ex) {
			throw new AssertionError("metadata-extractor cannot read the file", ex);
		}
	}

	/** Whether the file tells where it was taken (EXIF GPS directory with a position). */
	static boolean hasGpsPosition(byte[] file) {
		GpsDirectory gps = read(file).getFirstDirectoryOfType(GpsDirectory.class);
		return gps != null && gps.getGeoLocation() != null;
	}

	/** The metadata found, as "directory: tag" lines; empty for a clean file. */
	static List<String> leftIn(byte[] file) {
		List<String> found = new ArrayList<>();
		for (Directory directory : read(file).getDirectories()) {
			if (directory instanceof ExifDirectoryBase || directory instanceof GpsDirectory
					|| directory instanceof XmpDirectory || directory instanceof IptcDirectory
					|| directory instanceof IccDirectory || directory instanceof PhotoshopDirectory
					|| directory instanceof JpegCommentDirectory || directory instanceof GifCommentDirectory
					|| directory instanceof PngDirectory png && isTextChunk(png)) {
				directory.getTags().forEach(tag -> found.add(directory.getName() + ": " + tag));
				if (directory.getTagCount() == 0) {
					found.add(directory.getName());
				}
			}
		}
		String raw = new String(file, StandardCharsets.ISO_8859_1);
		for (String telltale : List.of("Exif\0", "xmpmeta", "XMP Data", "Infolettre", TestImages.COMMENT)) {
			if (raw.contains(telltale)) {
				found.add("bytes: " + telltale.replace("\0", "\\0"));
			}
		}
		return found;
	}

	private static boolean isTextChunk(PngDirectory png) {
		String name = png.getName().toLowerCase(Locale.ROOT);
		return name.contains("text") || name.contains("exif") || name.contains("itxt") || name.contains("ztxt");
	}

}

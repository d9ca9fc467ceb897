package io.infolettre.newsletter.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import io.infolettre.newsletter.media.MediaRejected;

/**
 * The four kinds of image the library takes, told by their first bytes (their "magic numbers"),
 * never by the file's name or the type the browser announced: a page or a script renamed
 * {@code .png} is text, an SVG is XML that may carry script.
 */
enum ImageFormat {

	PNG("png", "image/png"), JPEG("jpeg", "image/jpeg"), GIF("gif", "image/gif"), WEBP("webp", "image/webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	static final String ACCEPTED = "Formats acceptés : PNG, JPEG, GIF et WebP.";

	private final String formatName;

	private final String contentType;

	ImageFormat(String formatName, String contentType) {
		this.formatName = formatName;
		this.contentType = contentType;
	}

	/** The name ImageIO knows its readers and writers by. */
	String formatName() {
		return this.formatName;
	}

	String contentType() {
		return this.contentType;
	}

	/**
	 * The format the bytes are in.
	 * @throws MediaRejected saying what the file is instead, when it is none of the four
	 */
	static ImageFormat of(byte[] bytes) {
		if (bytes.length == 0) {
			throw new MediaRejected("Le fichier est vide : choisissez une image. " + ACCEPTED);
		}
		if (startsWith(bytes, 0, PNG_SIGNATURE)) {
			return PNG;
		}
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return JPEG;
		}
		if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
			return GIF;
		}
		if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
			return WEBP;
		}
		throw new MediaRejected(whatItIsInstead(bytes));
	}

	private static String whatItIsInstead(byte[] bytes) {
		String head = textHead(bytes);
		if (head.startsWith("<svg") || head.startsWith("<?xml") && head.contains("<svg") || head.startsWith("<!doctype svg")) {
			return "Les images SVG ne sont pas acceptées : elles peuvent contenir du script. "
					+ "Exportez-la en PNG et téléversez ce PNG.";
		}
		if (head.startsWith("<") || head.startsWith("#!")) {
			return "Ce fichier n’est pas une image : son contenu est du texte (HTML, XML, script…), "
					+ "quel que soit son nom. " + ACCEPTED;
		}
		return "Ce fichier n’est pas une image PNG, JPEG, GIF ou WebP : son contenu le dit, quel que soit son nom. "
				+ ACCEPTED;
	}

	// the first characters as text, without a byte order mark or leading blanks, in lower case
	private static String textHead(byte[] bytes) {
		int from = startsWith(bytes, 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }) ? 3 : 0;
		String head = new String(bytes, from, Math.min(bytes.length - from, 1024), StandardCharsets.ISO_8859_1);
		return head.stripLeading().toLowerCase(Locale.ROOT);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

}

package io.infolettre.newsletter.media.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaVariant;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code media} documents: one per image, with its name (and a lower-case copy without accents
 * for the search), its public key, when it was uploaded, the full-size file's facts, and each of its
 * files (name in the public address, GridFS id, type, size, bytes, SHA-256, variant or not).
 */
final class MediaDocuments {

	private static final int MAX_NAME_LENGTH = 200;

	private MediaDocuments() {
	}

	static Document file(Rendition rendition, ObjectId fileId) {
		byte[] bytes = rendition.bytes();
		return new Document("name", rendition.fileName()).append("fileId", fileId)
			.append("contentType", rendition.contentType())
			.append("width", rendition.width())
			.append("height", rendition.height())
			.append("bytes", (long) bytes.length)
			.append("sha256", sha256(bytes))
			.append("variant", rendition.variant());
	}

	/** @param files the full-size file first */
	static Document image(String givenName, String key, Instant uploadedAt, List<Document> files) {
		String name = cleanName(givenName);
		Document full = files.get(0);
		return new Document("_id", new ObjectId()).append("name", name)
			.append("search", searchable(name))
			.append("key", key)
			.append("uploadedAt", Date.from(uploadedAt))
			.append("contentType", full.getString("contentType"))
			.append("width", full.getInteger("width"))
			.append("height", full.getInteger("height"))
			.append("bytes", full.getLong("bytes"))
			.append("sha256", full.getString("sha256"))
			.append("files", files);
	}

	/** @param publicUrl the platform's public address, without a trailing slash */
	static MediaFile toMediaFile(Document image, String publicUrl) {
		String base = publicUrl + "/media/" + image.getString("key") + "/";
		List<Document> files = image.getList("files", Document.class);
		Document full = files.stream().filter(file -> !file.getBoolean("variant", false)).findFirst().orElseThrow();
		List<MediaVariant> variants = files.stream()
			.filter(file -> file.getBoolean("variant", false))
			.map(file -> new MediaVariant(file.getInteger("width"), file.getInteger("height"),
					base + file.getString("name"), file.getLong("bytes")))
			.sorted(Comparator.comparingInt(MediaVariant::width))
			.toList();
		return new MediaFile(image.getObjectId("_id").toHexString(), image.getString("name"),
				full.getString("contentType"), full.getInteger("width"), full.getInteger("height"), full.getLong("bytes"),
				image.getDate("uploadedAt").toInstant(), base + full.getString("name"), variants);
	}

	/** The name as given, or the file's, without a browser's path, control characters or excess length. */
	static String cleanName(String name) {
		String cleaned = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
		if (cleaned.length() > MAX_NAME_LENGTH) {
			cleaned = cleaned.substring(0, MAX_NAME_LENGTH).strip();
		}
		return cleaned.isEmpty() ? "image" : cleaned;
	}

	/** Lower case without accents: « Été » is found by « ete ». */
	static String searchable(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

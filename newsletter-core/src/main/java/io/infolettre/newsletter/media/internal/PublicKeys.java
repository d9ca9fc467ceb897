package io.infolettre.newsletter.media.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key in an image's public address: 128 random bits in base64url (22 characters). Nobody finds
 * an image by trying addresses, and the address says nothing of the image (not its id, not its
 * name, not when it was uploaded).
 */
final class PublicKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private PublicKeys() {
	}

	static String next() {
		byte[] key = new byte[16];
		RANDOM.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** Whether the text has the form of a key, so that anything else is not even looked up. */
	static boolean looksLikeKey(String text) {
		return text != null && text.length() == 22 && text.chars()
			.allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
	}

}

package io.infolettre.newsletter.tracking.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a token is spelled in a URL: RFC 4648 base32 in lower case, with the digit 3 replaced by 8
 * (alphabet {@code a-z 2 4 5 6 7 8}), no padding.
 * <p>
 * Not base64url, because of SpamAssassin's {@code __BITCOIN_ID} body rule (behind {@code PDS_BTC_ID}
 * and {@code FROM_NEWDOM_BTC}), which takes for a Bitcoin address a {@code 1} or a {@code 3} after a
 * word boundary followed by 29 to 34 base58 characters (or {@code bc1} and 30 more). Base64url's
 * {@code -} makes word boundaries inside a token, and about three tokens in ten thousand matched:
 * one real message in forty. This alphabet has neither {@code 1} nor {@code 3}, and only letters and
 * digits: no part of a token can start a match, and a match that starts before a token cannot run
 * into it across the {@code /} of its URL.
 */
final class TokenAlphabet {

	private static final char[] DIGITS = "abcdefghijklmnopqrstuvwxyz284567".toCharArray();

	private static final int[] VALUES = new int[128];

	static {
		Arrays.fill(VALUES, -1);
		for (int i = 0; i < DIGITS.length; i++) {
			VALUES[DIGITS[i]] = i;
		}
	}

	private TokenAlphabet() {
	}

	/** The number of characters that spell {@code bytes} bytes. */
	static int length(int bytes) {
		return (bytes * 8 + 4) / 5;
	}

	static String encode(byte[] bytes) {
		var out = new StringBuilder(length(bytes.length));
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				out.append(DIGITS[(buffer >>> bits) & 31]);
			}
			buffer &= (1 << bits) - 1;
		}
		if (bits > 0) {
			out.append(DIGITS[(buffer << (5 - bits)) & 31]);
		}
		return out.toString();
	}

	/**
	 * The {@code bytes} bytes a text spells, or empty when it is not their one spelling (wrong
	 * length, a character outside the alphabet, unused trailing bits set).
	 */
	static Optional<byte[]> decode(String text, int bytes) {
		if (text.length() != length(bytes)) {
			return Optional.empty();
		}
		byte[] out = new byte[bytes];
		int buffer = 0;
		int bits = 0;
		int written = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int value = c < VALUES.length ? VALUES[c] : -1;
			if (value < 0) {
				return Optional.empty();
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				out[written++] = (byte) (buffer >>> bits);
				buffer &= (1 << bits) - 1;
			}
		}
		return buffer == 0 ? Optional.of(out) : Optional.empty();
	}

}

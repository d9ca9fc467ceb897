package io.infolettre.newsletter.mail.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * RFC 2047 encoded-words in UTF-8, for header text that is not plain printable ASCII: "Q" when most
 * characters are ASCII (French stays readable), "B" otherwise, the rule Angus applied. Only the
 * characters allowed in a phrase show as such, so that the same words serve a Subject and a display
 * name. Every byte written is one column of the line.
 */
final class EncodedWords {

	static final String START_Q = "=?UTF-8?Q?";

	static final String START_B = "=?UTF-8?B?";

	static final String END = "?=";

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	// RFC 2047 §5(3): in a phrase an encoded-word may only show letters, digits and !*+-/ as such.
	static final boolean[] Q_LITERAL = new boolean[128];

	static {
		for (int c = '0'; c <= '9'; c++) {
			Q_LITERAL[c] = true;
		}
		for (int c = 'A'; c <= 'Z'; c++) {
			Q_LITERAL[c] = true;
			Q_LITERAL[c + ('a' - 'A')] = true;
		}
		for (char c : "!*+-/".toCharArray()) {
			Q_LITERAL[c] = true;
		}
	}

	private EncodedWords() {
	}

	// Characters go whole into a word: RFC 2047 §5 forbids splitting one across two words.
	static int writeQ(MimeBuffer out, String value, int i, int room, byte[] utf8) {
		while (i < value.length()) {
			int codePoint = value.codePointAt(i);
			int n = toUtf8(codePoint, utf8);
			int width = qWidth(utf8, n);
			if (width > room) {
				break;
			}
			for (int k = 0; k < n; k++) {
				int b = utf8[k] & 0xFF;
				if (b == ' ') {
					out.write('_');
				}
				else if (b < 128 && Q_LITERAL[b]) {
					out.write(b);
				}
				else {
					out.write('=').write(HEX[b >> 4]).write(HEX[b & 0xF]);
				}
			}
			room -= width;
			i += Character.charCount(codePoint);
		}
		return i;
	}

	static int writeB(MimeBuffer out, String value, int i, int room, byte[] utf8) {
		byte[] chunk = new byte[room / 4 * 3];
		int length = 0;
		while (i < value.length()) {
			int codePoint = value.codePointAt(i);
			int n = toUtf8(codePoint, utf8);
			if (length + n > chunk.length) {
				break;
			}
			System.arraycopy(utf8, 0, chunk, length, n);
			length += n;
			i += Character.charCount(codePoint);
		}
		byte[] encoded = Base64.getEncoder().encode(Arrays.copyOf(chunk, length));
		for (byte b : encoded) {
			out.write(b);
		}
		return i;
	}

	static boolean isMostlyNonAscii(String value) {
		int nonAscii = 0;
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 128) {
				nonAscii++;
			}
		}
		return nonAscii * 2 >= value.length();
	}

	static int bWidth(String value, int from, byte[] utf8) {
		int bytes = 0;
		for (int i = from; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			bytes += toUtf8(value.codePointAt(i), utf8);
		}
		return (bytes + 2) / 3 * 4;
	}

	static int qWidth(String value, int from, byte[] utf8) {
		int width = 0;
		for (int i = from; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			width += qWidth(utf8, toUtf8(value.codePointAt(i), utf8));
		}
		return width;
	}

	static int qWidth(byte[] utf8, int n) {
		int width = 0;
		for (int k = 0; k < n; k++) {
			int b = utf8[k] & 0xFF;
			width += (b == ' ' || (b < 128 && Q_LITERAL[b])) ? 1 : 3;
		}
		return width;
	}

	static int toUtf8(int codePoint, byte[] utf8) {
		if (codePoint < 0x80) {
			utf8[0] = (byte) codePoint;
			return 1;
		}
		if (codePoint < 0x800) {
			utf8[0] = (byte) (0xC0 | (codePoint >> 6));
			utf8[1] = (byte) (0x80 | (codePoint & 0x3F));
			return 2;
		}
		if (codePoint < 0x10000) {
			// A lone surrogate is not a character: '?' in its place, as String.getBytes does.
			if (Character.isSurrogate((char) codePoint)) {
				return toUtf8('?', utf8);
			}
			utf8[0] = (byte) (0xE0 | (codePoint >> 12));
			utf8[1] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
			utf8[2] = (byte) (0x80 | (codePoint & 0x3F));
			return 3;
		}
		utf8[0] = (byte) (0xF0 | (codePoint >> 18));
		utf8[1] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
		utf8[2] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
		utf8[3] = (byte) (0x80 | (codePoint & 0x3F));
		return 4;
	}

}

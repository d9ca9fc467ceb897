package io.infolettre.newsletter.mail.internal;

import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable body encoding (RFC 2045 §6.7) of text as UTF-8, in one pass over its characters
 * (no intermediate byte array: that alone took a third of the time). Line breaks of any kind
 * become CRLF; encoded lines stay within 76 characters thanks to soft breaks; a space before a
 * line break is encoded so that no transport can strip it.
 */
final class QuotedPrintable {

	private static final int MAX_LINE = 76;

	// A line that goes on keeps one column for the soft break's "=".
	private static final int SOFT_LIMIT = MAX_LINE - 1;

	// The most one step of the loop writes: a soft break, then 76 literal characters or 4 escapes.
	private static final int MAX_STEP = 3 + MAX_LINE + 12;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	// Printable ASCII but '=' stands for itself; everything else (controls, 8-bit) is encoded.
	private static final boolean[] LITERAL = new boolean[128];

	// Inside a line a space stands for itself too: only at the end would it be at risk. A tab is
	// always encoded, as Angus did: SpamAssassin reads such escapes as the mark of a real mailer
	// (FONT_INVIS_MSGID needs !__MIME_QP), and the demo issue scored 1.0 instead of 0.0 without them.
	private static final boolean[] LITERAL_INSIDE = new boolean[128];

	static {
		for (int c = 33; c <= 126; c++) {
			LITERAL[c] = c != '=';
		}
		System.arraycopy(LITERAL, 0, LITERAL_INSIDE, 0, 128);
		LITERAL_INSIDE[' '] = true;
	}

	private QuotedPrintable() {
	}

	static void encode(String text, MimeBuffer out) {
		int n = text.length();
		out.reserve(n + (n >> 3) + 16);
		int nextCr = -1;
		int nextLf = -1;
		int i = 0;
		while (i < n) {
			if (nextCr < i) {
				nextCr = indexOf(text, '\r', i);
			}
			if (nextLf < i) {
				nextLf = indexOf(text, '\n', i);
			}
			int end = Math.min(nextCr, nextLf);
			encodeLine(text, i, end, out);
			if (end < n) {
				out.crlf();
				end += (end == nextCr && end + 1 < n && text.charAt(end + 1) == '\n') ? 2 : 1;
			}
			i = end;
		}
	}

	// One line of input, without its line break, into as many encoded lines as it takes.
	private static void encodeLine(String text, int start, int end, MimeBuffer out) {
		byte[] buf = out.bytes;
		int pos = out.length;
		int column = 0;
		int last = end - 1;
		int i = start;
		while (i < end) {
			if (pos + MAX_STEP > buf.length) {
				out.length = pos;
				out.reserve(MAX_STEP + 2 * (end - i));
				buf = out.bytes;
			}
			int c = text.charAt(i);
			int chars = 1;
			if (Character.isSurrogate((char) c)) {
				char next = i + 1 < end ? text.charAt(i + 1) : 0;
				if (Character.isHighSurrogate((char) c) && Character.isLowSurrogate(next)) {
					c = Character.toCodePoint((char) c, next);
					chars = 2;
				}
				else {
					// Not a character: '?' in its place, as String.getBytes does.
					c = '?';
				}
			}
			boolean endsLine = i + chars == end;
			int limit = endsLine ? MAX_LINE : SOFT_LIMIT;
			if (c < 128 && (endsLine ? LITERAL[c] : LITERAL_INSIDE[c])) {
				if (column >= limit) {
					pos = softBreak(buf, pos);
					column = 0;
				}
				// "From " opening a line is mangled into ">From " by mbox stores; "=46rom " survives.
				if (column == 0 && c == 'F' && text.startsWith("rom ", i + 1)) {
					pos = escape(buf, pos, c);
					column = 3;
					i++;
					continue;
				}
				buf[pos++] = (byte) c;
				column++;
				i++;
				// The run of literal characters that follows, up to the end of this encoded line.
				int runStart = i;
				int stop = Math.min(last, i + SOFT_LIMIT - column);
				while (i < stop && (c = text.charAt(i)) < 128 && LITERAL_INSIDE[c]) {
					buf[pos++] = (byte) c;
					i++;
				}
				column += i - runStart;
				continue;
			}
			int width = 3 * utf8Length(c);
			if (column + width > limit) {
				pos = softBreak(buf, pos);
				column = 0;
			}
			pos = escapeUtf8(buf, pos, c);
			column += width;
			i += chars;
		}
		out.length = pos;
	}

	private static int indexOf(String text, char c, int from) {
		int index = text.indexOf(c, from);
		return index < 0 ? text.length() : index;
	}

	private static int utf8Length(int c) {
		return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	}

	private static int escapeUtf8(byte[] buf, int pos, int c) {
		if (c < 0x80) {
			return escape(buf, pos, c);
		}
		if (c < 0x800) {
			pos = escape(buf, pos, 0xC0 | (c >> 6));
			return escape(buf, pos, 0x80 | (c & 0x3F));
		}
		if (c < 0x10000) {
			pos = escape(buf, pos, 0xE0 | (c >> 12));
		}
		else {
			pos = escape(buf, pos, 0xF0 | (c >> 18));
			pos = escape(buf, pos, 0x80 | ((c >> 12) & 0x3F));
		}
		pos = escape(buf, pos, 0x80 | ((c >> 6) & 0x3F));
		return escape(buf, pos, 0x80 | (c & 0x3F));
	}

	private static int softBreak(byte[] buf, int pos) {
		buf[pos] = '=';
		buf[pos + 1] = '\r';
		buf[pos + 2] = '\n';
		return pos + 3;
	}

	private static int escape(byte[] buf, int pos, int b) {
		buf[pos] = '=';
		buf[pos + 1] = HEX[b >> 4];
		buf[pos + 2] = HEX[b & 0xF];
		return pos + 3;
	}

}

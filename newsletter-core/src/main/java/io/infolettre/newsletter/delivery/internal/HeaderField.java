package io.infolettre.newsletter.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Writes one header field, folded at whitespace so that lines stay within 78 characters (RFC 5322
 * §2.1.1). Text that is not plain printable ASCII goes out as RFC 2047 encoded-words in UTF-8,
 * restricted to the characters allowed in a phrase so that the same words serve a Subject and a
 * display name. The caller guarantees that values hold no CR or LF.
 */
final class HeaderField {

	private static final int MAX_LINE = 78;

	// The longest encoded-word RFC 2047 §2 allows.
	private static final int MAX_WORD = 75;

	private static final String WORD_END = "?=";

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	// RFC 2047 §5(3): in a phrase an encoded-word may only show letters, digits and !*+-/ as such.
	private static final boolean[] Q_LITERAL = new boolean[128];

	// RFC 5322 atext: a display name made only of these (and spaces) needs no quotes.
	private static final boolean[] ATEXT = new boolean[128];

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
		System.arraycopy(Q_LITERAL, 0, ATEXT, 0, 128);
		for (char c : "#$%&'=?^_`{|}~".toCharArray()) {
			ATEXT[c] = true;
		}
	}

	private final MimeBuffer out;

	private int column;

	private boolean empty = true;

	private HeaderField(MimeBuffer out, String name) {
		this.out = out;
		out.ascii(name).write(':');
		this.column = name.length() + 1;
	}

	/** A structured value written as given, on one line: dates, ids, URLs, content types. */
	static void raw(MimeBuffer out, String name, String value) {
		out.ascii(name).ascii(": ").utf8(value).crlf();
	}

	/** A structured value of several items (a list of URLs), one per line, folded after each comma. */
	static void rawList(MimeBuffer out, String name, List<String> items) {
		out.ascii(name).ascii(": ");
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				out.ascii(",").crlf().ascii(" ");
			}
			out.utf8(items.get(i));
		}
		out.crlf();
	}

	/** Unstructured text such as the Subject. */
	static void text(MimeBuffer out, String name, String value) {
		var field = new HeaderField(out, name);
		if (isPlain(value) && field.fitsAsWords(value)) {
			field.words(value);
		}
		else {
			field.encoded(value);
		}
		out.crlf();
	}

	/**
	 * A mailbox: {@code address} alone, or {@code name <address>}. The address is written as
	 * given, like {@link jakarta.mail.internet.InternetAddress#toString()} does.
	 */
	static void mailbox(MimeBuffer out, String name, String displayName, String address) {
		var field = new HeaderField(out, name);
		if (displayName.isEmpty()) {
			field.token(isSimple(address) ? address : "<" + address + ">");
		}
		else {
			field.phrase(displayName);
			field.token("<" + address + ">");
		}
		out.crlf();
	}

	private void phrase(String displayName) {
		if (isPlain(displayName)) {
			if (isAtoms(displayName) && fitsAsWords(displayName)) {
				words(displayName);
				return;
			}
			String quoted = quote(displayName);
			if (fits(quoted)) {
				token(quoted);
				return;
			}
		}
		encodedPhrase(displayName);
	}

	/**
	 * Plain words stay plain and each run of other words becomes one encoded-word, spaces included.
	 * Readers disagree about the space between two encoded-words in a name (RFC 2047 drops it,
	 * Python's email package keeps it), so the writer avoids putting one there. Runs of spaces
	 * become one.
	 */
	private void encodedPhrase(String displayName) {
		String[] words = displayName.split(" +");
		int i = 0;
		while (i < words.length) {
			// The first word shares its line with the field name: it has less room than the others.
			if (isAtom(words[i]) && (i > 0 || fits(words[i]))) {
				token(words[i++]);
				continue;
			}
			int run = i;
			do {
				i++;
			}
			while (i < words.length && !isAtom(words[i]));
			encoded(String.join(" ", Arrays.asList(words).subList(run, i)));
		}
	}

	/** Writes the value's space-separated words, folding before a word that does not fit. */
	private void words(String value) {
		int start = 0;
		while (start <= value.length()) {
			int end = value.indexOf(' ', start);
			end = end < 0 ? value.length() : end;
			token(value.substring(start, end));
			start = end + 1;
		}
	}

	private void token(String token) {
		separate(token.length());
		this.out.utf8(token);
		this.column += token.length();
	}

	// A space before what comes next, or a fold (CRLF and a space) when it would not fit the line.
	// Never folds before the first thing on a field, nor before nothing (a line of only spaces).
	private void separate(int width) {
		if (!this.empty && width > 0 && this.column + 1 + width > MAX_LINE) {
			this.out.crlf().write(' ');
			this.column = 1;
		}
		else {
			this.out.write(' ');
			this.column++;
		}
		this.empty = false;
	}

	/**
	 * Writes the value as encoded-words of at most 75 characters, folding between them: "Q" when
	 * most characters are ASCII (French stays readable), "B" otherwise, the rule Angus applied.
	 */
	private void encoded(String value) {
		byte[] utf8 = new byte[4];
		boolean base64 = isMostlyNonAscii(value);
		String start = base64 ? "=?UTF-8?B?" : "=?UTF-8?Q?";
		int i = 0;
		while (i < value.length()) {
			// A new line when the rest would fit whole in a word there but not here.
			int rest = base64 ? bWidth(value, i, utf8) : qWidth(value, i, utf8);
			separate(Math.min(MAX_WORD, start.length() + rest + WORD_END.length()));
			int room = Math.min(MAX_WORD, MAX_LINE - this.column) - start.length() - WORD_END.length();
			this.out.ascii(start);
			this.column += start.length();
			i = base64 ? writeB(value, i, room, utf8) : writeQ(value, i, room, utf8);
			this.out.ascii(WORD_END);
			this.column += WORD_END.length();
		}
	}

	// Characters go whole into a word: RFC 2047 §5 forbids splitting one across two words.
	private int writeQ(String value, int i, int room, byte[] utf8) {
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
					this.out.write('_');
				}
				else if (b < 128 && Q_LITERAL[b]) {
					this.out.write(b);
				}
				else {
					this.out.write('=').write(HEX[b >> 4]).write(HEX[b & 0xF]);
				}
			}
			room -= width;
			this.column += width;
			i += Character.charCount(codePoint);
		}
		return i;
	}

	private int writeB(String value, int i, int room, byte[] utf8) {
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
			this.out.write(b);
		}
		this.column += encoded.length;
		return i;
	}

	private static boolean isMostlyNonAscii(String value) {
		int nonAscii = 0;
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 128) {
				nonAscii++;
			}
		}
		return nonAscii * 2 >= value.length();
	}

	private static int bWidth(String value, int from, byte[] utf8) {
		int bytes = 0;
		for (int i = from; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			bytes += toUtf8(value.codePointAt(i), utf8);
		}
		return (bytes + 2) / 3 * 4;
	}

	private static int qWidth(String value, int from, byte[] utf8) {
		int width = 0;
		for (int i = from; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			width += qWidth(utf8, toUtf8(value.codePointAt(i), utf8));
		}
		return width;
	}

	private static int qWidth(byte[] utf8, int n) {
		int width = 0;
		for (int k = 0; k < n; k++) {
			int b = utf8[k] & 0xFF;
			width += (b == ' ' || (b < 128 && Q_LITERAL[b])) ? 1 : 3;
		}
		return width;
	}

	private static int toUtf8(int codePoint, byte[] utf8) {
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

	private boolean fits(String token) {
		return this.column + 1 + token.length() <= MAX_LINE;
	}

	// Every word fits on a line of its own; the first one also after the field name.
	private boolean fitsAsWords(String value) {
		int start = 0;
		int room = MAX_LINE - this.column - 1;
		while (start <= value.length()) {
			int end = value.indexOf(' ', start);
			end = end < 0 ? value.length() : end;
			if (end - start > room) {
				return false;
			}
			room = MAX_LINE - 1;
			start = end + 1;
		}
		return true;
	}

	// Printable ASCII and nothing a reader could take for an encoded-word.
	private static boolean isPlain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return !value.contains("=?");
	}

	// A word that can stand as such in a phrase, on a line of its own if need be.
	private static boolean isAtom(String word) {
		return !word.isEmpty() && word.length() < MAX_LINE && isPlain(word) && isAtoms(word);
	}

	private static boolean isAtoms(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != ' ' && (c >= 128 || !ATEXT[c])) {
				return false;
			}
		}
		return true;
	}

	// Like InternetAddress: brackets are needed only around an address holding specials.
	private static boolean isSimple(String address) {
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c < 128 && !ATEXT[c] && c != '.' && c != '@') {
				return false;
			}
		}
		return true;
	}

	private static String quote(String value) {
		var quoted = new StringBuilder(value.length() + 4).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.append('"').toString();
	}

}

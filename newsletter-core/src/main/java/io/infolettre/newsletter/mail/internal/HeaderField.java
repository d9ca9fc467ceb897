package io.infolettre.newsletter.mail.internal;

import java.util.Arrays;
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

	// RFC 5322 atext: a display name made only of these (and spaces) needs no quotes.
	private static final boolean[] ATEXT = new boolean[128];

	static {
		System.arraycopy(EncodedWords.Q_LITERAL, 0, ATEXT, 0, 128);
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

	/** Writes the value as encoded-words of at most 75 characters ({@link EncodedWords}), folding between them. */
	private void encoded(String value) {
		byte[] utf8 = new byte[4];
		boolean base64 = EncodedWords.isMostlyNonAscii(value);
		String start = base64 ? EncodedWords.START_B : EncodedWords.START_Q;
		int i = 0;
		while (i < value.length()) {
			// A new line when the rest would fit whole in a word there but not here.
			int rest = base64 ? EncodedWords.bWidth(value, i, utf8) : EncodedWords.qWidth(value, i, utf8);
			separate(Math.min(MAX_WORD, start.length() + rest + EncodedWords.END.length()));
			int room = Math.min(MAX_WORD, MAX_LINE - this.column) - start.length() - EncodedWords.END.length();
			int before = this.out.length;
			this.out.ascii(start);
			i = base64 ? EncodedWords.writeB(this.out, value, i, room, utf8)
					: EncodedWords.writeQ(this.out, value, i, room, utf8);
			this.out.ascii(EncodedWords.END);
			this.column += this.out.length - before;
		}
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

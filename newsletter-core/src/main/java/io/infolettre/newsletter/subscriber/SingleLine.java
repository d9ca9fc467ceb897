package io.infolettre.newsletter.subscriber;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A name or a company as a person typed it, made one clean line the same way whatever the way in
 * (admin form, API, public form, CSV import): composed (NFC, so that an « é » typed as « e » and a
 * combining accent is the « é » search, sort and duplicates see), control characters (C0, DEL and
 * C1, among them CR, LF and TAB) and the line and paragraph separators U+2028 and U+2029 made
 * spaces, every run of spaces (no-break ones included) made one, the ends stripped; nothing left is
 * {@code null}. Names go into mail headers, CSV cells and the admin's pages: none may break a line.
 */
public final class SingleLine {

	private static final Pattern SPACES = Pattern.compile("[\\p{Cc}\\p{Zs}\\p{Zl}\\p{Zp}]+");

	private SingleLine() {
	}

	/** @return the text on one line, or {@code null} when nothing but spaces and controls was typed */
	public static String of(String typed) {
		if (typed == null) {
			return null;
		}
		String line = SPACES.matcher(Normalizer.normalize(typed, Normalizer.Form.NFC)).replaceAll(" ").strip();
		return line.isEmpty() ? null : line;
	}

}

package io.infolettre.newsletter.rendering.internal;

/**
 * The code of a FreeMarker instruction, read from its canonical description (FreeMarker has no public
 * syntax tree for expressions): the description without the text of its string literals, whose
 * {@code ${…}} parts are code and are kept.
 */
final class InstructionCode {

	private InstructionCode() {
	}

	/**
	 * The description without the text of its string literals, but with the expressions interpolated
	 * in them ({@code "a${b?new()}"} is code). In a canonical description a literal {@code ${} in a
	 * string is escaped ({@code $\{}), and the quotes of a string inside an interpolated expression
	 * are escaped once more ({@code "a${\"b\"?new()}"}): a string is unescaped before its
	 * expressions are read.
	 */
	static String of(String description) {
		var code = new StringBuilder(description.length());
		appendCode(description, 0, code, false);
		return code.toString();
	}

	/** @return where the code ends: the end of the text, or after the brace closing an interpolation */
	private static int appendCode(String s, int from, StringBuilder code, boolean interpolated) {
		int depth = 0;
		int i = from;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"' || c == '\'') {
				int end = endOfString(s, i + 1, c);
				code.append(' ');
				appendInterpolations(unescape(s.substring(i + 1, Math.max(i + 1, end - 1))), code);
				code.append(' ');
				i = end;
				continue;
			}
			if (interpolated && c == '{') {
				depth++;
			}
			else if (interpolated && c == '}' && depth-- == 0) {
				return i + 1;
			}
			code.append(c);
			i++;
		}
		return i;
	}

	/** @return the index after the closing quote, or the end of the text */
	private static int endOfString(String s, int from, char quote) {
		int i = from;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return s.length();
	}

	private static void appendInterpolations(String content, StringBuilder code) {
		int i = content.indexOf("${");
		while (i >= 0) {
			code.append(' ');
			int end = appendCode(content, i + 2, code, true);
			code.append(' ');
			i = content.indexOf("${", end);
		}
	}

	// FTL's escapes; an escaped dollar-brace is literal text and must not open an expression
	private static String unescape(String literal) {
		var out = new StringBuilder(literal.length());
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '\\' && i + 1 < literal.length()) {
				char next = literal.charAt(++i);
				out.append(next == '{' ? '\0' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}

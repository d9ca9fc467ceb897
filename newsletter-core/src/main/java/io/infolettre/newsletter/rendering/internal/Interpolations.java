package io.infolettre.newsletter.rendering.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the FreeMarker interpolations of the body ({@code ${firstName!'membre'}}) intact through
 * the HTML sanitiser, which would otherwise encode their quotes. The body is sanitised once, when
 * the issue is compiled; the values put in these interpolations are escaped by FreeMarker's HTML
 * output format for each recipient, so they never need the sanitiser.
 */
final class Interpolations {

	private static final String OPEN = "FMINTERP";

	private static final String CLOSE = "PRETNIMF";

	// case-insensitive: a layout's block template may change the case of a value that holds one
	static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "([0-9]+)" + CLOSE, Pattern.CASE_INSENSITIVE);

	private final List<String> expressions = new ArrayList<>();

	/** Replaces each {@code ${…}} (braces and quoted strings inside counted) by a placeholder. */
	String protect(String html) {
		var out = new StringBuilder(html.length());
		int from = 0;
		int start;
		while ((start = html.indexOf("${", from)) >= 0) {
			int end = endOf(html, start + 2);
			if (end < 0) {
				break;
			}
			out.append(html, from, start).append(OPEN).append(this.expressions.size()).append(CLOSE);
			this.expressions.add(unescape(html.substring(start, end + 1)));
			from = end + 1;
		}
		return out.append(html, from, html.length()).toString();
	}

	/** The expressions found so far, in their order: those {@link #protect} replaced and the literals. */
	List<String> expressions() {
		return List.copyOf(this.expressions);
	}

	/**
	 * A placeholder restored as an expression that writes {@code text} as it is: what looks like
	 * FreeMarker in a block's text ({@code <#if}, a lone <code>${</code>) stays text once the blocks
	 * are compiled as a template. {@code text} holds no quote.
	 */
	String literal(String text) {
		String placeholder = OPEN + this.expressions.size() + CLOSE;
		this.expressions.add("${r'" + text + "'}");
		return placeholder;
	}

	String restore(String html) {
		Matcher m = PLACEHOLDER.matcher(html);
		var out = new StringBuilder(html.length());
		while (m.find()) {
			int index = Integer.parseInt(m.group(1));
			m.appendReplacement(out,
					Matcher.quoteReplacement(index < this.expressions.size() ? this.expressions.get(index) : ""));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static int endOf(String s, int from) {
		int depth = 1;
		for (int i = from; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\'' || c == '"') {
				int close = s.indexOf(c, i + 1);
				if (close < 0) {
					return -1;
				}
				i = close;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	// CommonMark escaped the expression as text; FreeMarker must read it as written.
	private static String unescape(String expression) {
		return expression.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}

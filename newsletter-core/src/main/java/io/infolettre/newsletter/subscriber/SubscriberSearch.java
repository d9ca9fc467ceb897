package io.infolettre.newsletter.subscriber;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the coordinator looks for among the subscribers; every criterion given must match. Names and
 * companies are compared folded (lower case, without accents: « Éric Côté » is found by « eric cote »)
 * through keys stored on each subscriber, so that the search is an indexed prefix lookup rather than
 * a scan of every document.
 *
 * @param text an address prefix (when it holds an {@code @}), else the start of a first name, a last
 * name or the full name, or of an address
 * @param company the start of the company name
 * @param list a list the subscriber is on
 * @param status their status
 * @param attribute an attribute's name, with {@code attributeValue} the typed value it must have
 * (texts compare without regard to case)
 * @param tag a tag they carry
 */
public record SubscriberSearch(String text, String company, String list, SubscriberStatus status, String attribute,
		Object attributeValue, String tag) {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-'’.]+");

	public SubscriberSearch {
		text = blankToNull(text);
		company = blankToNull(company);
		list = blankToNull(list);
		attribute = blankToNull(attribute);
		tag = blankToNull(tag);
		if (attribute == null) {
			attributeValue = null;
		}
	}

	public static SubscriberSearch everyone() {
		return new SubscriberSearch(null, null, null, null, null, null, null);
	}

	public static SubscriberSearch text(String text) {
		return new SubscriberSearch(text, null, null, null, null, null, null);
	}

	/** Lower case without accents or other marks: « Côté » becomes « cote ». */
	public static String fold(String value) {
		if (value == null) {
			return "";
		}
		return MARKS.matcher(Normalizer.normalize(value.strip(), Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ");
	}

	/**
	 * The folded keys a name is found by: each word of the first and last names, the full name in both
	 * orders.
	 */
	static List<String> nameKeys(String firstName, String lastName) {
		Set<String> keys = new LinkedHashSet<>();
		String first = fold(firstName);
		String last = fold(lastName);
		for (String part : List.of(first, last)) {
			if (!part.isEmpty()) {
				keys.add(part);
				for (String word : WORD_SEPARATORS.split(part)) {
					if (!word.isEmpty()) {
						keys.add(word);
					}
				}
			}
		}
		if (!first.isEmpty() && !last.isEmpty()) {
			keys.add(first + " " + last);
			keys.add(last + " " + first);
		}
		return List.copyOf(keys);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

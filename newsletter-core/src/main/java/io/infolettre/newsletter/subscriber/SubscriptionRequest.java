package io.infolettre.newsletter.subscriber;

import java.util.Set;

/**
 * What a person typed in the public subscription form, and what the page showed them. Names and
 * company are made one line ({@link SingleLine}) and bounded.
 *
 * @param lists the public lists chosen
 * @param consentText the consent text the form showed, kept as the proof
 * @param ipAddress the client's address
 */
public record SubscriptionRequest(EmailAddress email, String firstName, String lastName, String company,
		String language, Set<String> lists, String consentText, String ipAddress) {

	public SubscriptionRequest {
		language = "en".equals(language) ? "en" : "fr";
		lists = lists == null ? Set.of() : Set.copyOf(lists);
		if (email == null) {
			throw new IllegalArgumentException("A subscription request has an address");
		}
		firstName = bounded(firstName);
		lastName = bounded(lastName);
		company = bounded(company);
	}

	/** Longer than any name or company: what a public form accepts is bounded. */
	static final int MAX_LENGTH = 200;

	private static String bounded(String typed) {
		String line = SingleLine.of(typed);
		if (line == null || line.length() <= MAX_LENGTH) {
			return line;
		}
		// never half of a character outside the Basic Multilingual Plane
		int end = Character.isHighSurrogate(line.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
		return line.substring(0, end).strip();
	}

}

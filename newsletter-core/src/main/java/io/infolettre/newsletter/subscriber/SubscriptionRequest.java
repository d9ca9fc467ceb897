package io.infolettre.newsletter.subscriber;

import java.util.Set;

/**
 * What a person typed in the public subscription form, and what the page showed them.
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
		firstName = blankToNull(firstName);
		lastName = blankToNull(lastName);
		company = blankToNull(company);
	}

	/** Longer than any name or company: what a public form accepts is bounded. */
	static final int MAX_LENGTH = 200;

	private static String blankToNull(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() > MAX_LENGTH ? stripped.substring(0, MAX_LENGTH) : stripped;
	}

}

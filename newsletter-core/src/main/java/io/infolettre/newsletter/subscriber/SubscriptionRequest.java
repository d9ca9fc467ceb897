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
		firstName = blankToNull(firstName);
		lastName = blankToNull(lastName);
		company = blankToNull(company);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

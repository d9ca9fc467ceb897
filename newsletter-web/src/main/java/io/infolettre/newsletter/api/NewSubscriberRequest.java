package io.infolettre.newsletter.api;

import java.util.List;
import java.util.Map;

/**
 * One subscriber to add, as the API receives it, with the consent the caller holds (optional: see
 * {@link ConsentRequest#toConsent}).
 */
record NewSubscriberRequest(String email, String firstName, String lastName, String company, String language,
		List<String> lists, Map<String, String> attributes, List<String> tags, ConsentRequest consent) {
}

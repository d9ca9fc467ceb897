package io.infolettre.newsletter.api;

import java.util.List;
import java.util.Map;

/** One subscriber to add, as the API receives it. */
record NewSubscriberRequest(String email, String firstName, String lastName, String company, String language,
		List<String> lists, Map<String, String> attributes) {
}

package io.infolettre.newsletter.api;

import java.util.List;
import java.util.Map;

/**
 * Changes to one subscriber: a field left out (null) stays as it is; {@code attributes} sets the
 * attributes named (an empty string removes one); {@code tags}, when given, become the tags.
 */
record SubscriberChangeRequest(String email, String firstName, String lastName, String company, String language,
		Boolean trackingRefused, Map<String, String> attributes, List<String> tags) {
}

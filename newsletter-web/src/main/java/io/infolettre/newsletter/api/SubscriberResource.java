package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;

/** A subscriber as the API shows it. */
record SubscriberResource(String id, String email, String firstName, String lastName, String company,
		String language, SubscriberStatus status, List<String> lists, List<String> tags, Map<String, Object> attributes,
		boolean trackingRefused, Consent consent, Instant createdAt, Instant updatedAt) {

	static SubscriberResource of(Subscriber subscriber) {
		return new SubscriberResource(subscriber.getId(), subscriber.getEmail().value(), subscriber.getFirstName(),
				subscriber.getLastName(), subscriber.getCompany(), subscriber.getLanguage(), subscriber.getStatus(),
				List.copyOf(new TreeSet<>(subscriber.getLists())), List.copyOf(new TreeSet<>(subscriber.getTags())),
				subscriber.getAttributes(), subscriber.isTrackingRefused(), subscriber.getConsent(),
				subscriber.getCreatedAt(), subscriber.getUpdatedAt());
	}

	/** One page of a search; {@code next} goes in {@code after} for the following page. */
	record Page(List<SubscriberResource> subscribers, String next) {
	}

}

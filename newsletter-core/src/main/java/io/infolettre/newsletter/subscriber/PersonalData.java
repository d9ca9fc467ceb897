package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything held about one subscriber, for an access request (Quebec's Law 25): the profile, the
 * consent with its proof, lists, tags, attributes, the unsubscribe log's entries, and what the other
 * parts of the application hold (the deliveries received, with opens and clicks when tracking is
 * individual).
 */
public record PersonalData(Instant exportedAt, Profile profile, Consent consent, List<String> lists,
		List<String> tags, Map<String, Object> attributes, List<UnsubscribeEntry> unsubscribes,
		Map<String, List<Map<String, Object>>> held) {

	public record Profile(String id, String email, String firstName, String lastName, String company,
			String language, SubscriberStatus status, boolean trackingRefused, Instant createdAt, Instant updatedAt,
			Instant unsubscribedAt) {
	}

}

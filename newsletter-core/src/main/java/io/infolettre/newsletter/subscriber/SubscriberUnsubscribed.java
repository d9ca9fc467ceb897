package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * A subscriber asked to receive nothing more, through {@code channel}, from a message of
 * {@code issueId} if any (so that the unsubscribe can be attributed in reports).
 */
public record SubscriberUnsubscribed(String subscriberId, UnsubscribeChannel channel, String issueId, Instant at) {
}

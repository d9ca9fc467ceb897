package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * A subscriber asked to receive nothing more. {@code origin} names what the request came through
 * (for example a delivery of an issue), so that the unsubscribe can be attributed in reports.
 */
public record SubscriberUnsubscribed(String subscriberId, String origin, Instant at) {
}

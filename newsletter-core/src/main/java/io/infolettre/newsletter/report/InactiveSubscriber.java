package io.infolettre.newsletter.report;

/** A subscriber who received each of the last issues and read none of them. */
public record InactiveSubscriber(String subscriberId, String email, String name, String company, int received) {
}

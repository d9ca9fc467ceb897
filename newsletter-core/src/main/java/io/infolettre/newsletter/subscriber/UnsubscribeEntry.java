package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * One line of the unsubscribe audit log: who asked, when, how, from which issue, and when it took
 * effect (at once: CASL allows ten business days, the platform takes none).
 *
 * @param issueId the issue whose message the request came through, if any
 */
public record UnsubscribeEntry(String subscriberId, String email, UnsubscribeChannel channel, String issueId,
		Instant requestedAt, Instant effectiveAt) {
}

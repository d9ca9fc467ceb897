package io.infolettre.newsletter.delivery;

import java.time.Instant;

/**
 * The engine paused a send that resumes by itself at {@code resumeAt}: its send window opens again
 * then, or the relay is tried again then. Whoever fires sends sets its trigger for that instant.
 */
public record SendPaused(String issueId, Instant resumeAt) {
}

package io.infolettre.newsletter.issue;

import java.time.Instant;

public record IssueSent(String issueId, Instant at) {
}

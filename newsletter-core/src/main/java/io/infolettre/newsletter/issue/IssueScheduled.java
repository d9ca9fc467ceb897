package io.infolettre.newsletter.issue;

import java.time.Instant;

public record IssueScheduled(String issueId, Instant at) {
}

package io.infolettre.newsletter.issue;

import io.infolettre.newsletter.shared.Actor;

/**
 * A draft was approved; it may now be scheduled or sent.
 *
 * @param authorId the person who submitted it ({@code null}: the platform, a series)
 */
public record IssueApproved(String issueId, String title, Actor approver, String authorId, String authorName) {
}

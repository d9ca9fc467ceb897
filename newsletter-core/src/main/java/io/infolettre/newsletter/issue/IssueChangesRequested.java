package io.infolettre.newsletter.issue;

import io.infolettre.newsletter.shared.Actor;

/**
 * A reviewer sent a draft back to its author with a comment.
 *
 * @param authorId the person who submitted it ({@code null}: the platform, a series)
 */
public record IssueChangesRequested(String issueId, String title, Actor reviewer, String authorId, String authorName,
		String comment) {
}

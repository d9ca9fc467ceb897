package io.infolettre.newsletter.issue;

import io.infolettre.newsletter.shared.Actor;

/**
 * A draft waits for an approval: its author submitted it, or edited it once approved.
 *
 * @param wishedTime when its author would like it sent; {@code null}: no wish
 * @param afterApproval it had been approved, and an edit sent it back to review
 */
public record IssueSubmitted(String issueId, String title, Actor author, SendTime wishedTime, String note,
		boolean afterApproval) {
}

package io.infolettre.newsletter.issue;

/**
 * Where a draft stands in its review before it may be sent, when the team requires an approval:
 * NONE (never submitted) → SUBMITTED → APPROVED, or CHANGES_REQUESTED (with a comment) and SUBMITTED
 * again. An edit of a submitted or approved draft sends it back to SUBMITTED.
 */
public enum ReviewState {

	NONE, SUBMITTED, CHANGES_REQUESTED, APPROVED;

	/** Whether its author may submit it (again). */
	public boolean maySubmit() {
		return this == NONE || this == CHANGES_REQUESTED;
	}

	/** Whether a reviewer has something to look at. */
	public boolean awaitsReview() {
		return this == SUBMITTED;
	}

}

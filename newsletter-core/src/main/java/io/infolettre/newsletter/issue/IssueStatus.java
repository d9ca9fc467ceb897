package io.infolettre.newsletter.issue;

/** DRAFT → SCHEDULED → SENDING → SENT, or FAILED (restartable) / CANCELLED. */
public enum IssueStatus {

	DRAFT, SCHEDULED, SENDING, SENT, PAUSED, CANCELLED, FAILED;

	public boolean isEditable() {
		return this == DRAFT;
	}

}

package io.infolettre.newsletter.issue;

/**
 * DRAFT → SCHEDULED → SENDING → SENT; a send may be PAUSED (by the coordinator or by the engine when
 * the relay fails) and resumed, CANCELLED, or end FAILED (restartable).
 */
public enum IssueStatus {

	DRAFT, SCHEDULED, SENDING, SENT, PAUSED, CANCELLED, FAILED;

	public boolean isEditable() {
		return this == DRAFT;
	}

	/** A send job may run (or keep running) for an issue in this status. */
	public boolean maySend() {
		return this == SCHEDULED || this == SENDING;
	}

}

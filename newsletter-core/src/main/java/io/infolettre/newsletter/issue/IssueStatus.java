package io.infolettre.newsletter.issue;

/**
 * DRAFT → SCHEDULED → SENDING → SENT; a send may be PAUSED (by the coordinator, by the engine when
 * the relay fails, or at the end of its send window) and resumed, CANCELLED, or end FAILED
 * (restartable). A scheduled issue whose time passed while the application was down, beyond the
 * grace period, is MISSED: nobody received it, and the coordinator decides.
 */
public enum IssueStatus {

	DRAFT, SCHEDULED, SENDING, SENT, PAUSED, CANCELLED, FAILED, MISSED;

	public boolean isEditable() {
		return this == DRAFT;
	}

	/** A send job may run (or keep running) for an issue in this status. */
	public boolean maySend() {
		return this == SCHEDULED || this == SENDING;
	}

}

package io.infolettre.newsletter.issue;

/**
 * A review step its state does not allow, or that the four-eyes rule forbids to this person: a
 * reason they can act on, and nothing changed.
 */
public class ReviewRefusedException extends IssueStateException {

	public ReviewRefusedException(String message, IssueStatus status) {
		super(message, status);
	}

}

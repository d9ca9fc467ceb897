package io.infolettre.newsletter.issue;

/** An issue was asked for a transition its current status does not allow. */
public class IssueStateException extends IllegalStateException {

	private final IssueStatus status;

	public IssueStateException(String message, IssueStatus status) {
		super(message);
		this.status = status;
	}

	public IssueStatus getStatus() {
		return this.status;
	}

}

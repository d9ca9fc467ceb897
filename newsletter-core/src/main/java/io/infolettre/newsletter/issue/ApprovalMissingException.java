package io.infolettre.newsletter.issue;

/**
 * The team requires an approval before a send, and this draft has none (yet, or any more since an
 * edit). Nothing was scheduled or sent.
 */
public class ApprovalMissingException extends IssueStateException {

	public ApprovalMissingException(String message, IssueStatus status) {
		super(message, status);
	}

}

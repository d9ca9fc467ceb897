package io.infolettre.newsletter.issue;

/**
 * Whether the team requires an approval by someone else than the author before an issue is
 * scheduled or sent. The team's settings belong to another module ({@code people}), which this one
 * does not know: the application answers through this port. Without an implementation, no approval
 * is required.
 */
@FunctionalInterface
public interface ApprovalPolicy {

	boolean approvalRequired();

}

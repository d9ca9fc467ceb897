package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.subscriber.SubscriberManagement;

/** What a running send asks of, and tells, the rest of the application. */
interface SendControl {

	/** Whether the issue may still be sent (not paused or cancelled meanwhile). */
	boolean maySend();

	/** The engine pauses the send itself, with a reason the coordinator can act on. */
	void pause(String reason);

	/** The relay refused a subscriber's address for good. */
	void hardBounce(String subscriberId);

	static SendControl of(String issueId, IssueManagement issues, SubscriberManagement subscribers,
			int hardBouncesBeforeBounced) {
		return new SendControl() {

			@Override
			public boolean maySend() {
				return issues.statusOf(issueId).maySend();
			}

			@Override
			public void pause(String reason) {
				try {
					issues.pause(issueId, "Pause automatique — " + reason);
				}
				catch (IssueStateException ex) {
					// paused or cancelled meanwhile: that decision stands
				}
			}

			@Override
			public void hardBounce(String subscriberId) {
				subscribers.recordHardBounce(subscriberId, hardBouncesBeforeBounced);
			}

		};
	}

}

package io.infolettre.newsletter.issue;

import java.time.Instant;

/**
 * The issue's transitions, opened to the shared fixtures ({@code fixtures.IssueFixtures}), which live
 * in another package. In production they stay package-private: only {@link IssueManagement} changes a
 * stored issue.
 */
public final class IssueTransitionsForFixtures {

	private IssueTransitionsForFixtures() {
	}

	public static void schedule(Issue issue, Instant at, Instant now) {
		issue.schedule(at, now);
	}

	public static void schedule(Issue issue, SendTime time, SendWindow window, Instant now) {
		issue.schedule(time, window, now);
	}

	public static void startSending(Issue issue, Instant now) {
		issue.startSending(now);
	}

	public static void markSent(Issue issue, Instant now) {
		issue.markSent(now);
	}

	public static void markFailed(Issue issue, String reason, Instant now) {
		issue.markFailed(reason, now);
	}

	public static void markMissed(Issue issue, Instant now) {
		issue.markMissed(now);
	}

	public static void cancel(Issue issue, Instant now) {
		issue.cancel(now);
	}

	public static void pause(Issue issue, String reason, Instant now) {
		issue.pause(reason, now);
	}

	public static void pauseAutomatically(Issue issue, String reason, Instant now) {
		issue.pauseAutomatically(reason, now);
	}

	public static void pauseUntilWindowOpens(Issue issue, String reason, Instant opening, Instant now) {
		issue.pauseUntilWindowOpens(reason, opening, now);
	}

	public static void pauseForRelayOutage(Issue issue, String reason, Instant probeAt, Instant now) {
		issue.pauseForRelayOutage(reason, probeAt, false, now);
	}

	public static void resume(Issue issue, Instant now) {
		issue.resume(now);
	}

}

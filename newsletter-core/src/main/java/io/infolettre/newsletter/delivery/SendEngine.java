package io.infolettre.newsletter.delivery;

import java.util.Optional;

import io.infolettre.newsletter.issue.Issue;

/**
 * What the scheduler asks of the send engine. The engine sends an issue from its ledger and pauses
 * the send itself when its window closes or no relay answers ({@link SendPaused} says until when);
 * when a send starts or resumes, and on which instance, is the scheduler's to decide
 * ({@link io.infolettre.newsletter.delivery.spi.SendClaims}).
 */
public interface SendEngine {

	/**
	 * Runs the send of the issue's current round here until it ends, pauses or the application stops;
	 * a send that is no longer due (paused, cancelled meanwhile) does not start. The caller holds the
	 * issue's claim.
	 */
	void run(String issueId);

	/**
	 * Marks the issue's last execution failed when it is still recorded as running although no live
	 * instance runs it (it died with its instance), so that the send can start again from the ledger.
	 * The caller holds the issue's claim.
	 */
	void forgetDeadRun(Issue issue);

	/**
	 * The time to try the relay again has come for a send paused by an outage: the send resumes if the
	 * relay answers; otherwise it waits longer ({@link SendPaused}), or for a person.
	 * @return the issue resumed, or empty when it stays paused
	 */
	Optional<Issue> retryRelay(Issue paused);

	/** A cancelled send: whoever has not received it yet never will. @return the entries skipped */
	long skipPending(String issueId);

	/**
	 * Puts the entries a sent issue did not deliver (failed, uncertain) back in line for another round.
	 * @return the entries put back
	 */
	long requeueUndelivered(String issueId);

}

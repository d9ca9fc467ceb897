package io.infolettre.newsletter.scheduling.internal;

import java.time.Clock;
import java.time.Instant;

import io.infolettre.newsletter.delivery.SendEngine;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.PauseCause;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What happens when an issue's trigger fires. The issue in MongoDB decides, not the trigger (which
 * may be late, early, or left over from a change made through another instance):
 * <ul>
 * <li>a send paused at the end of its window resumes when the window opens again;</li>
 * <li>a send paused because no relay could be reached tries the relay again, and resumes if it
 * answers ({@link SendEngine#retryRelay});</li>
 * <li>a trigger that fires before the issue is due (it was moved meanwhile) is moved too;</li>
 * <li>a first send due longer ago than the grace period (the application was down) is marked missed;</li>
 * <li>outside its send window, it waits for the next opening;</li>
 * <li>otherwise the instance that takes the issue's lease runs (or resumes) its send
 * ({@link SendEngine#run}).</li>
 * </ul>
 */
@Component
class SendLauncher {

	private static final Logger log = LoggerFactory.getLogger(SendLauncher.class);

	private final SendEngine engine;

	private final IssueManagement issues;

	private final SendLeases leases;

	private final QuartzSendTrigger trigger;

	private final SchedulingSettings settings;

	private final Clock clock;

	SendLauncher(SendEngine engine, IssueManagement issues, SendLeases leases, QuartzSendTrigger trigger,
			SchedulingSettings settings, Clock clock) {
		this.engine = engine;
		this.issues = issues;
		this.leases = leases;
		this.trigger = trigger;
		this.settings = settings;
		this.clock = clock;
	}

	void launch(String issueId) {
		Instant now = this.clock.instant();
		Issue issue = this.issues.get(issueId);
		if (issue.getStatus() == IssueStatus.PAUSED && issue.getResumeAt() != null) {
			if (issue.getResumeAt().isAfter(now)) {
				this.trigger.fireAt(issueId, issue.getResumeAt());
				return;
			}
			issue = issue.getPauseCause() == PauseCause.RELAY_UNAVAILABLE ? this.engine.retryRelay(issue).orElse(null)
					: resumeAtWindowOpening(issueId);
			if (issue == null) {
				return;
			}
		}
		if (!issue.getStatus().maySend()) {
			// paused, cancelled or unscheduled between the trigger and now
			log.info("Issue {} is {}: not starting its send", issueId, issue.getStatus());
			return;
		}
		if (issue.getStatus() == IssueStatus.SCHEDULED && !isDue(issue, now)) {
			return;
		}
		if (!this.leases.tryAcquire(issueId)) {
			busyElsewhere(issue, now);
			return;
		}
		try {
			this.engine.run(issueId);
		}
		finally {
			this.leases.release(issueId);
		}
	}

	private boolean isDue(Issue issue, Instant now) {
		Instant due = issue.dueAt();
		if (due.isAfter(now)) {
			// an early trigger: moved through another instance, or waiting for the send window
			this.trigger.fireAt(issue.getId(), due);
			return false;
		}
		if (issue.getSendingStartedAt() == null && due.plus(this.settings.missedGrace()).isBefore(now)) {
			log.warn("Issue {} was due at {}, more than {} ago: marked missed", issue.getId(), due,
					this.settings.missedGrace());
			markMissed(issue.getId());
			return false;
		}
		if (issue.getWindow() != null && !issue.getWindow().isOpen(now)) {
			this.trigger.fireAt(issue.getId(), issue.getWindow().nextOpening(now));
			return false;
		}
		return true;
	}

	// Another instance holds the issue: it sends it, or is winding down a send that was just paused
	// and resumed; in that case this instance tries again shortly, until the issue is taken.
	private void busyElsewhere(Issue issue, Instant now) {
		if (issue.getStatus() == IssueStatus.SCHEDULED) {
			log.info("Issue {} is held by another instance; trying again in {}", issue.getId(),
					this.settings.busyRetry());
			this.trigger.fireAt(issue.getId(), now.plus(this.settings.busyRetry()));
		}
		else {
			log.info("Issue {} is being sent by another instance", issue.getId());
		}
	}

	private Issue resumeAtWindowOpening(String issueId) {
		try {
			log.info("Issue {}: its send window opens, resuming its send", issueId);
			return this.issues.resumeAutomatically(issueId, PauseCause.SEND_WINDOW, "la fenêtre d'envoi s'ouvre");
		}
		catch (IssueStateException | OptimisticLockingFailureException ex) {
			// resumed, cancelled or changed meanwhile (by the coordinator or another instance)
			Issue now = this.issues.get(issueId);
			return now.getStatus().maySend() ? now : null;
		}
	}

	private void markMissed(String issueId) {
		try {
			this.issues.markMissed(issueId);
		}
		catch (IssueStateException | OptimisticLockingFailureException ex) {
			log.info("Issue {} changed meanwhile: {}", issueId, ex.getMessage());
		}
	}

}

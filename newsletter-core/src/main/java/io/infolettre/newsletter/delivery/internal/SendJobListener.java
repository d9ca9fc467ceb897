package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;

import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendClaims;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.rendering.TemplateProblem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the issue's status in step with its send job. A job stopped by a pause or a cancel leaves
 * the issue as the coordinator (or the engine) set it; a cancel skips whoever was still waiting.
 */
@Component
class SendJobListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(SendJobListener.class);

	private final IssueManagement issues;

	private final DeliveryStore ledger;

	private final SendClaims claims;

	private final ApplicationStop stop;

	private final Clock clock;

	SendJobListener(IssueManagement issues, DeliveryStore ledger, SendClaims claims, ApplicationStop stop,
			Clock clock) {
		this.issues = issues;
		this.claims = claims;
		this.stop = stop;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.issues.startSending(issueId(execution));
	}

	@Override
	public void afterJob(JobExecution execution) {
		String issueId = issueId(execution);
		if (this.stop.isStopping()) {
			// the issue stays SENDING: the next start, or another instance, resumes it from the ledger
			log.info("Send of issue {} stopped with the application", issueId);
			return;
		}
		if (!this.claims.holds(issueId)) {
			// another instance took the send over (this one lost its claim): it decides
			log.warn("Send of issue {} stopped here: another instance has taken it over", issueId);
			return;
		}
		IssueStatus status = this.issues.statusOf(issueId);
		if (status == IssueStatus.CANCELLED) {
			long skipped = this.ledger.cancelPending(issueId, this.clock.instant());
			log.info("Issue {} cancelled: {} recipients will not receive it", issueId, skipped);
		}
		// Exact counts from the ledger, whatever the live counters saw during the send.
		var progress = this.ledger.recount(issueId);
		if (!status.maySend()) {
			log.info("Send of issue {} stopped ({}): {}", issueId, status, progress);
		}
		else if (execution.getStatus() == BatchStatus.STOPPED && status == IssueStatus.SCHEDULED) {
			// paused (or paused by the engine), then resumed while this run wound down: the resume's trigger
			// runs the send again once this run has ended
			log.info("Send of issue {} stopped, and resumed meanwhile: {}", issueId, progress);
		}
		else if (execution.getStatus() == BatchStatus.COMPLETED && progress.pending() + progress.sending() == 0) {
			this.issues.markSent(issueId);
			log.info("Issue {} sent: {}", issueId, progress);
		}
		else {
			String reason = execution.getAllFailureExceptions()
				.stream()
				.map(SendJobListener::describe)
				.findFirst()
				.orElse("Envoi interrompu (" + execution.getStatus() + ")");
			this.issues.markFailed(issueId, reason);
			log.warn("Issue {} failed: {}", issueId, reason);
		}
	}

	// The coordinator needs the cause they can act on, not the Batch or bean-creation wrapper.
	private static String describe(Throwable failure) {
		Throwable root = failure;
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof RelayUnavailableException) {
				return "Serveur SMTP injoignable : " + t.getMessage();
			}
			if (t instanceof TemplateProblem) {
				return "Erreur de gabarit : " + t.getMessage();
			}
			root = t;
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	private static String issueId(JobExecution execution) {
		return execution.getJobParameters().getString(SendIssueJobConfiguration.ISSUE_ID);
	}

}

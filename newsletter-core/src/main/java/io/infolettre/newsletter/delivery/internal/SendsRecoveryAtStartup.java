package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Picks the sends up where the last run of the application left them. Quartz keeps its triggers in
 * memory and Batch cannot tell a dead execution from a live one, so the issues in MongoDB decide:
 * <ul>
 * <li>an issue SENDING was interrupted (crash, kill, stop): its execution, still "running" in the job
 * repository, is marked failed, and the send resumes at once (or is paused for the coordinator to
 * resume, by setting). The ledger says who still waits, and which messages were on the wire.</li>
 * <li>an issue SCHEDULED gets its trigger back, at its instant, or at once if it passed meanwhile.</li>
 * </ul>
 * One instance is assumed to own the sends at start (several instances need a lease: see the
 * scheduling issue).
 */
@Component
class SendsRecoveryAtStartup {

	private static final Logger log = LoggerFactory.getLogger(SendsRecoveryAtStartup.class);

	private final IssueManagement issues;

	private final JobRepository jobRepository;

	private final QuartzSendTrigger trigger;

	private final DeliverySettings settings;

	private final Clock clock;

	SendsRecoveryAtStartup(IssueManagement issues, JobRepository jobRepository, QuartzSendTrigger trigger,
			DeliverySettings settings, Clock clock) {
		this.issues = issues;
		this.jobRepository = jobRepository;
		this.trigger = trigger;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		var now = this.clock.instant();
		for (Issue issue : this.issues.withStatus(IssueStatus.SENDING)) {
			markDeadExecutionFailed(issue);
			if (this.settings.resumeOnStartup()) {
				log.warn("Issue {} was being sent when the application stopped: resuming its send", issue.getId());
				this.trigger.fireAt(issue.getId(), now);
			}
			else {
				log.warn("Issue {} was being sent when the application stopped: paused", issue.getId());
				this.issues.pause(issue.getId(),
						"Envoi interrompu par un arrêt de l'application ; reprenez-le pour le terminer.");
			}
		}
		// a send paused just before the stop may have left its execution "running" too
		this.issues.withStatus(IssueStatus.PAUSED).forEach(issue -> markDeadExecutionFailed(issue));
		for (Issue issue : this.issues.withStatus(IssueStatus.SCHEDULED)) {
			markDeadExecutionFailed(issue);
			var at = issue.getScheduledAt() == null || issue.getScheduledAt().isBefore(now) ? now
					: issue.getScheduledAt();
			log.info("Issue {} is scheduled: send at {}", issue.getId(), at);
			this.trigger.fireAt(issue.getId(), at);
		}
	}

	private void markDeadExecutionFailed(Issue issue) {
		JobExecution last = this.jobRepository.getLastJobExecution(SendIssueJobConfiguration.JOB_NAME,
				SendIssueJobConfiguration.parameters(issue));
		if (last == null || !last.getStatus().isRunning()) {
			return;
		}
		// JobOperator.recover(..) would do this, but it skips an execution restarted from a recovered one
		// (the copied context says "recovered"), which leaves a second crash unrecoverable.
		var now = LocalDateTime.now();
		for (StepExecution step : last.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription("Application stopped mid-step"));
				step.setEndTime(now);
				this.jobRepository.update(step);
			}
		}
		last.setStatus(BatchStatus.FAILED);
		last.setExitStatus(ExitStatus.FAILED.addExitDescription("Application stopped mid-send"));
		last.setEndTime(now);
		this.jobRepository.update(last);
		log.info("Job execution {} of issue {} marked failed: it died with the application", last.getId(),
				issue.getId());
	}

}

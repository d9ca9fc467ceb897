package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import io.infolettre.newsletter.delivery.SendEngine;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The send engine as Spring Batch runs it: one job instance per issue and round (see
 * {@link SendIssueJobConfiguration#parameters}), started on the caller's thread, so that a send runs
 * while its caller holds the issue's claim.
 */
@Component
class BatchSendEngine implements SendEngine {

	private static final Logger log = LoggerFactory.getLogger(BatchSendEngine.class);

	private final JobOperator jobOperator;

	private final Job sendIssueJob;

	private final JobRepository jobRepository;

	private final IssueManagement issues;

	private final RelayOutageWatch relay;

	private final DeliveryStore ledger;

	private final Clock clock;

	BatchSendEngine(JobOperator jobOperator, Job sendIssueJob, JobRepository jobRepository, IssueManagement issues,
			RelayOutageWatch relay, DeliveryStore ledger, Clock clock) {
		this.jobOperator = jobOperator;
		this.sendIssueJob = sendIssueJob;
		this.jobRepository = jobRepository;
		this.issues = issues;
		this.relay = relay;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public void run(String issueId) {
		Issue issue = this.issues.get(issueId);
		if (!issue.getStatus().maySend()) {
			return;
		}
		var parameters = SendIssueJobConfiguration.parameters(issue);
		try {
			this.jobOperator.start(this.sendIssueJob, parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			log.info("Issue {} is already being sent", issue.getId());
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			log.warn("Issue {} was already sent; not sending it twice", issue.getId());
		}
		catch (Exception ex) {
			log.error("Cannot start the send of issue {}", issue.getId(), ex);
			this.issues.markFailed(issue.getId(), "Démarrage de l'envoi impossible : " + ex.getMessage());
		}
	}

	@Override
	public void forgetDeadRun(Issue issue) {
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
		log.info("Job execution {} of issue {} marked failed: it died with its instance", last.getId(),
				issue.getId());
	}

	@Override
	public Optional<Issue> retryRelay(Issue paused) {
		return Optional.ofNullable(this.relay.tryAgain(paused));
	}

	@Override
	public long skipPending(String issueId) {
		return this.ledger.cancelPending(issueId, this.clock.instant());
	}

	@Override
	public long requeueUndelivered(String issueId) {
		return this.ledger.resetUndelivered(issueId, this.clock.instant());
	}

}

package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.issue.IssueManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Starts (or restarts) an issue's send job, one job instance per issue and round (see
 * {@link SendIssueJobConfiguration#parameters}).
 */
@Component
class SendLauncher {

	private static final Logger log = LoggerFactory.getLogger(SendLauncher.class);

	private final JobOperator jobOperator;

	private final Job sendIssueJob;

	private final IssueManagement issues;

	SendLauncher(JobOperator jobOperator, Job sendIssueJob, IssueManagement issues) {
		this.jobOperator = jobOperator;
		this.sendIssueJob = sendIssueJob;
		this.issues = issues;
	}

	void launch(String issueId) {
		var issue = this.issues.get(issueId);
		if (!issue.getStatus().maySend()) {
			// paused or cancelled between the trigger and now
			log.info("Issue {} is {}: not starting its send", issueId, issue.getStatus());
			return;
		}
		var parameters = SendIssueJobConfiguration.parameters(issue);
		try {
			this.jobOperator.start(this.sendIssueJob, parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			log.info("Issue {} is already being sent", issueId);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			log.warn("Issue {} was already sent; not sending it twice", issueId);
		}
		catch (Exception ex) {
			log.error("Cannot start the send of issue {}", issueId, ex);
			this.issues.markFailed(issueId, "Démarrage de l'envoi impossible : " + ex.getMessage());
		}
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;

import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.segment.RecipientSource;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Evaluates the audience once and writes one PENDING ledger entry per recipient, in bulk. Running
 * it again (a restart) adds nobody twice: the ledger is unique per issue and subscriber.
 */
class FreezeRecipientsTasklet implements Tasklet {

	private final IssueManagement issues;

	private final RecipientSource recipients;

	private final SendLedger ledger;

	private final int batchSize;

	private final Clock clock;

	FreezeRecipientsTasklet(IssueManagement issues, RecipientSource recipients, SendLedger ledger, int batchSize,
			Clock clock) {
		this.issues = issues;
		this.recipients = recipients;
		this.ledger = ledger;
		this.batchSize = batchSize;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
		String issueId = parameters.getString(SendIssueJobConfiguration.ISSUE_ID);
		Long round = parameters.getLong(SendIssueJobConfiguration.ROUND);
		if (round != null && round > 0) {
			// a resend goes to those of the first freeze who were not reached, never to newcomers
			return RepeatStatus.FINISHED;
		}
		var audience = this.issues.get(issueId).getAudience();
		var now = this.clock.instant();
		this.recipients.forEachBatch(audience, this.batchSize, ids -> {
			this.ledger.freeze(issueId, ids, now);
			contribution.incrementWriteCount(ids.size());
		});
		return RepeatStatus.FINISHED;
	}

}

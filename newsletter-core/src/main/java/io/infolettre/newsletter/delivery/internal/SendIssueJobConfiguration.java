package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;

import io.infolettre.newsletter.composition.ImageSources;
import io.infolettre.newsletter.composition.IssueMessages;
import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import io.infolettre.newsletter.segment.RecipientSource;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TrackingLinks;
import io.infolettre.newsletter.tracking.TrackingSettings;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The send job: freeze the recipients into the ledger, then deliver every PENDING entry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class SendIssueJobConfiguration {

	static final String JOB_NAME = "sendIssueJob";

	static final String ISSUE_ID = "issueId";

	static final String ROUND = "round";

	/**
	 * One job instance per issue and round: a completed send never starts again, an interrupted one
	 * resumes, and a resend to those not reached is a new round over the same ledger.
	 */
	static JobParameters parameters(Issue issue) {
		return new JobParametersBuilder().addString(ISSUE_ID, issue.getId())
			.addLong(ROUND, (long) issue.getDeliveryRound())
			.toJobParameters();
	}

	@Bean
	Job sendIssueJob(JobRepository jobRepository, Step freezeRecipientsStep, Step deliverStep,
			SendJobListener sendJobListener) {
		return new JobBuilder(JOB_NAME, jobRepository).start(freezeRecipientsStep)
			.next(deliverStep)
			.listener(sendJobListener)
			.build();
	}

	@Bean
	Step freezeRecipientsStep(JobRepository jobRepository, FreezeRecipientsTasklet tasklet) {
		return new StepBuilder("freezeRecipientsStep", jobRepository)
			.tasklet(tasklet, new ResourcelessTransactionManager())
			.build();
	}

	@Bean
	Step deliverStep(JobRepository jobRepository, DeliverySettings settings, PendingDeliveryReader recipientReader,
			MessageComposer messageComposer, MessageWriter messageWriter) {
		return new StepBuilder("deliverStep", jobRepository)
			.<RecipientItem, DeliveryTask>chunk(settings.chunkSize())
			.transactionManager(new ResourcelessTransactionManager())
			.reader(recipientReader)
			.processor(messageComposer)
			.writer(messageWriter)
			// rendering (FreeMarker, tokens) runs on several threads; reading and writing stay on the step's
			.taskExecutor(renderExecutor(settings))
			.build();
	}

	private static AsyncTaskExecutor renderExecutor(DeliverySettings settings) {
		var executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.renderThreads());
		executor.setMaxPoolSize(settings.renderThreads());
		executor.setThreadNamePrefix("render-");
		executor.setDaemon(true);
		executor.initialize();
		return executor;
	}

	@Bean
	@StepScope
	PendingDeliveryReader recipientReader(@Value("#{jobParameters['issueId']}") String issueId,
			SendLedger ledger, Subscribers subscribers, SendControls controls, RetryQueue retryQueue,
			DeliverySettings settings, Clock clock, @Value("#{stepExecution}") StepExecution step) {
		return new PendingDeliveryReader(ledger, subscribers, controls.forIssue(issueId),
				retryQueue, clock, issueId, settings.chunkSize(), settings.inFlightAfterCrash(), StepStop.of(step));
	}

	/** Shared by the reader and the writer of one send: the writer defers, the reader hands back. */
	@Bean
	@StepScope
	RetryQueue retryQueue() {
		return new RetryQueue();
	}

	@Bean
	SendThrottle sendThrottle(DeliverySettings settings) {
		return new SendThrottle(settings.rateLimit());
	}

	@Bean
	@StepScope
	MessageComposer messageComposer(@Value("#{jobParameters['issueId']}") String issueId,
			IssueManagement issues, IssueRenderer renderer, ImageSources images, RecipientSource recipients,
			TrackingLinks links, SenderIdentity sender, TrackingSettings tracking, DeliverySettings settings) {
		Issue issue = issues.get(issueId);
		// the template is compiled once per language variant for the whole send
		var messages = IssueMessages.compile(renderer, images, issue);
		return new MessageComposer(messages, issue.senderOr(issues.senders()), issue.getReplyTo(), recipients, links,
				sender, tracking);
	}

	@Bean
	@StepScope
	MessageWriter messageWriter(@Value("#{jobParameters['issueId']}") String issueId, MailGateway gateway,
			SendLedger ledger, SendControls controls, RetryQueue retryQueue, SendThrottle sendThrottle,
			DeliverySettings settings, Clock clock, @Value("#{stepExecution}") StepExecution step) {
		// the control is no step-scoped bean: the writer's connection threads call it, outside the step
		return new MessageWriter(issueId, gateway, ledger, controls.forIssue(issueId), retryQueue, sendThrottle,
				settings, clock, StepStop.of(step));
	}

	@Bean
	FreezeRecipientsTasklet freezeRecipientsTasklet(IssueManagement issues, RecipientSource recipients,
			SendLedger ledger, DeliverySettings settings, Clock clock) {
		return new FreezeRecipientsTasklet(issues, recipients, ledger, settings.freezeBatchSize(), clock);
	}

}

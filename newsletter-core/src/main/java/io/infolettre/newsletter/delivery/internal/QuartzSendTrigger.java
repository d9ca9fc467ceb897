package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;

import org.springframework.stereotype.Component;

/**
 * Asks Quartz to start an issue's send at an instant. Quartz holds no logic: its job only calls
 * {@link SendLauncher}. The issue document stays the source of truth for when it is due.
 */
@Component
public class QuartzSendTrigger {

	static final String GROUP = "issue-sends";

	private final Scheduler scheduler;

	QuartzSendTrigger(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	public void fireAt(String issueId, Instant at) {
		var job = JobBuilder.newJob(StartSendQuartzJob.class)
			.withIdentity(new JobKey(issueId, GROUP))
			.usingJobData(StartSendQuartzJob.ISSUE_ID, issueId)
			.build();
		var trigger = TriggerBuilder.newTrigger().withIdentity(issueId, GROUP).startAt(Date.from(at)).build();
		try {
			// Replaces a trigger already there: a double click still makes one send, and a resume right
			// after a pause is not lost while the paused run is still winding down (the Quartz job
			// disallows concurrent runs, so the new one starts when that run has ended).
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the send of issue " + issueId, ex);
		}
	}

	/** Forgets a pending trigger, if any. */
	public void cancel(String issueId) {
		try {
			this.scheduler.deleteJob(new JobKey(issueId, GROUP));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot unschedule the send of issue " + issueId, ex);
		}
	}

}

package io.infolettre.newsletter.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.stereotype.Component;

/**
 * Asks Quartz to start an issue's send at an instant. Quartz holds no logic: its job only calls
 * {@link SendLauncher}. The issue document stays the source of truth for when it is due; each
 * instance's triggers are brought in line with it by {@link SchedulesFromDatabase}.
 */
@Component
public class QuartzSendTrigger {

	static final String GROUP = "issue-sends";

	private static final JobKey SYNC = new JobKey("sync-schedules", "infolettre");

	private final Scheduler scheduler;

	private final Clock clock;

	QuartzSendTrigger(Scheduler scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	public void fireAt(String issueId, Instant at) {
		var job = JobBuilder.newJob(StartSendQuartzJob.class)
			.withIdentity(new JobKey(issueId, GROUP))
			.usingJobData(StartSendQuartzJob.ISSUE_ID, issueId)
			.build();
		var trigger = TriggerBuilder.newTrigger().withIdentity(issueId, GROUP).startAt(toQuartzTime(at)).build();
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

	/** When this instance's trigger for the issue fires next, if it has one. */
	Optional<Instant> nextFireTime(String issueId) {
		try {
			Trigger trigger = this.scheduler.getTrigger(new TriggerKey(issueId, GROUP));
			return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(this::fromQuartzTime);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The issues this instance has a trigger for. */
	Set<String> issuesWithTriggers() {
		try {
			return this.scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))
				.stream()
				.map(TriggerKey::getName)
				.collect(Collectors.toSet());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Quartz waits on the system clock; the application's time is its Clock (which tests move): a
	// trigger fires when the system clock has run as long as the application clock had to go.
	private Date toQuartzTime(Instant at) {
		long wait = Math.max(0, Duration.between(this.clock.instant(), at).toMillis());
		return new Date(System.currentTimeMillis() + wait);
	}

	private Instant fromQuartzTime(Date time) {
		return this.clock.instant().plusMillis(time.getTime() - System.currentTimeMillis());
	}

	/** Runs {@link SchedulesFromDatabase#synchronize()} every {@code interval}, from {@code interval} on. */
	void synchronizeEvery(Duration interval) {
		var job = JobBuilder.newJob(SyncSchedulesQuartzJob.class).withIdentity(SYNC).build();
		var trigger = TriggerBuilder.newTrigger()
			.withIdentity(SYNC.getName(), SYNC.getGroup())
			.startAt(Date.from(Instant.now().plus(interval)))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		try {
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the synchronisation of schedules", ex);
		}
	}

}

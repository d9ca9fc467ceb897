package io.infolettre.newsletter.series.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

import io.infolettre.newsletter.delivery.SchedulingSettings;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Looks for series issues to make at start and then every {@code newsletter.scheduling.sync-interval}:
 * an issue is made days ahead of its send, so this precision is plenty, and every instance can look
 * (each occurrence is made once whoever looks).
 */
@Component
class SeriesGenerationSchedule {

	private static final JobKey JOB = new JobKey("make-series-issues", "infolettre");

	private final Scheduler scheduler;

	private final SchedulingSettings settings;

	SeriesGenerationSchedule(Scheduler scheduler, SchedulingSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() throws SchedulerException {
		var job = JobBuilder.newJob(SeriesGenerationQuartzJob.class).withIdentity(JOB).build();
		var trigger = TriggerBuilder.newTrigger()
			.withIdentity(JOB.getName(), JOB.getGroup())
			.startAt(Date.from(Instant.now()))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(this.settings.syncInterval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		this.scheduler.scheduleJob(job, Set.of(trigger), true);
	}

}

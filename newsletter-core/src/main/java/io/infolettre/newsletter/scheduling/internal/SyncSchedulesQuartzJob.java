package io.infolettre.newsletter.scheduling.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's side of the periodic synchronisation of this instance's triggers with MongoDB. */
@DisallowConcurrentExecution
public class SyncSchedulesQuartzJob extends QuartzJobBean {

	private SchedulesFromDatabase schedules;

	@Autowired // by Spring Boot's autowiring job factory
	public void setSchedules(SchedulesFromDatabase schedules) {
		this.schedules = schedules;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.schedules.synchronize();
	}

}

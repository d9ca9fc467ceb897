package io.infolettre.newsletter.series.internal;

import io.infolettre.newsletter.series.SeriesManagement;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's side of making the series' issues: asks the series whose time has come. */
@DisallowConcurrentExecution
public class SeriesGenerationQuartzJob extends QuartzJobBean {

	private SeriesManagement series;

	@Autowired // by Spring Boot's autowiring job factory
	public void setSeries(SeriesManagement series) {
		this.series = series;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.series.makeDueIssues();
	}

}

package io.infolettre.newsletter.scheduling.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's side of a scheduled send: hand the issue to the send engine. */
@DisallowConcurrentExecution
public class StartSendQuartzJob extends QuartzJobBean {

	static final String ISSUE_ID = "issueId";

	private SendLauncher launcher;

	@Autowired // by Spring Boot's autowiring job factory
	public void setLauncher(SendLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.launcher.launch(context.getMergedJobDataMap().getString(ISSUE_ID));
	}

}

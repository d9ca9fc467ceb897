package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.Issues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Quartz keeps its triggers in memory; the issues in MongoDB are the source of truth. At start, every
 * issue still SCHEDULED gets its trigger back, at its instant or at once if that instant passed while
 * the application was down. (Sends interrupted mid-way are the delivery engine's crash recovery.)
 */
@Component
class ScheduledSendsRecovery {

	private static final Logger log = LoggerFactory.getLogger(ScheduledSendsRecovery.class);

	private final Issues issues;

	private final QuartzSendTrigger trigger;

	private final Clock clock;

	ScheduledSendsRecovery(Issues issues, QuartzSendTrigger trigger, Clock clock) {
		this.issues = issues;
		this.trigger = trigger;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildTriggers() {
		var now = this.clock.instant();
		for (Issue issue : this.issues.findByStatus(IssueStatus.SCHEDULED)) {
			var at = issue.getScheduledAt() == null || issue.getScheduledAt().isBefore(now) ? now
					: issue.getScheduledAt();
			log.info("Issue {} is scheduled: send at {}", issue.getId(), at);
			this.trigger.fireAt(issue.getId(), at);
		}
	}

}

package io.infolettre.newsletter.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SendEngine;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.scheduling.SchedulesSynchronized;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings this instance's Quartz triggers in line with the issues in MongoDB, the source of truth:
 * at start (Quartz keeps its triggers in memory), then every {@code sync-interval} (an issue scheduled,
 * moved or paused through another instance; a send whose instance died).
 * <ul>
 * <li>an issue SENDING that no live instance holds was interrupted (crash, kill, stop): its
 * execution, still "running", is marked failed ({@link SendEngine#forgetDeadRun}), and the send resumes at once
 * (or is paused for the coordinator to resume, by setting). The ledger says who still waits, and
 * which messages were on the wire.</li>
 * <li>an issue SCHEDULED gets its trigger at its due time, or at once if it passed meanwhile (the
 * launcher then decides whether it is still within the grace period or missed).</li>
 * <li>a send paused until its window opens gets its trigger at the opening; one paused because no
 * relay could be reached, at its next try of the relay.</li>
 * <li>a trigger whose issue no longer waits for anything is removed.</li>
 * </ul>
 * Then it publishes {@link SchedulesSynchronized}, which the series follow to make their issues.
 */
@Component
class SchedulesFromDatabase {

	private static final Logger log = LoggerFactory.getLogger(SchedulesFromDatabase.class);

	private final IssueManagement issues;

	private final SendEngine engine;

	private final QuartzSendTrigger trigger;

	private final SendLeases leases;

	private final DeliverySettings delivery;

	private final SchedulingSettings scheduling;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SchedulesFromDatabase(IssueManagement issues, SendEngine engine, QuartzSendTrigger trigger, SendLeases leases,
			DeliverySettings delivery, SchedulingSettings scheduling, ApplicationEventPublisher events, Clock clock) {
		this.issues = issues;
		this.events = events;
		this.engine = engine;
		this.trigger = trigger;
		this.leases = leases;
		this.delivery = delivery;
		this.scheduling = scheduling;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		synchronize();
		this.trigger.synchronizeEvery(this.scheduling.syncInterval());
	}

	synchronized void synchronize() {
		Instant now = this.clock.instant();
		Set<String> waiting = new HashSet<>();
		each(IssueStatus.SENDING, issue -> {
			waiting.add(issue.getId());
			takeOverInterruptedSend(issue, now);
		});
		each(IssueStatus.PAUSED, issue -> {
			// a send paused just before the stop may have left its execution "running" too
			markDeadExecutionFailedUnlessHeld(issue);
			if (issue.getResumeAt() != null) {
				waiting.add(issue.getId());
				ensureTrigger(issue.getId(), issue.getResumeAt(), now);
			}
		});
		each(IssueStatus.SCHEDULED, issue -> {
			waiting.add(issue.getId());
			markDeadExecutionFailedUnlessHeld(issue);
			ensureTrigger(issue.getId(), issue.dueAt(), now);
		});
		for (String issueId : this.trigger.issuesWithTriggers()) {
			if (!waiting.contains(issueId)) {
				this.trigger.cancel(issueId);
			}
		}
		this.events.publishEvent(new SchedulesSynchronized(now));
	}

	private void takeOverInterruptedSend(Issue issue, Instant now) {
		// sent by this instance, or by another one that is alive: nothing to do
		if (!this.leases.tryAcquire(issue.getId())) {
			return;
		}
		try {
			if (this.issues.statusOf(issue.getId()) != IssueStatus.SENDING) {
				return; // it ended between the query and the lease
			}
			this.engine.forgetDeadRun(issue);
		}
		finally {
			// given back before the trigger fires: the launcher takes it again, here or elsewhere
			this.leases.release(issue.getId());
		}
		if (this.delivery.resumeOnStartup()) {
			log.warn("Issue {} was being sent by an instance that stopped: resuming its send", issue.getId());
			this.trigger.fireAt(issue.getId(), now);
		}
		else {
			log.warn("Issue {} was being sent by an instance that stopped: paused", issue.getId());
			this.issues.pauseAutomatically(issue.getId(),
					"Envoi interrompu par un arrêt de l'application ; reprenez-le pour le terminer.");
		}
	}

	// An execution still "running" for an issue no live instance holds died with its instance.
	private void markDeadExecutionFailedUnlessHeld(Issue issue) {
		if (this.leases.tryAcquire(issue.getId())) {
			try {
				this.engine.forgetDeadRun(issue);
			}
			finally {
				this.leases.release(issue.getId());
			}
		}
	}

	// Due now: any trigger firing soon will do. Due later: exactly then (it may have been moved).
	private void ensureTrigger(String issueId, Instant due, Instant now) {
		var next = this.trigger.nextFireTime(issueId);
		if (!due.isAfter(now)) {
			if (next.isEmpty() || next.get().isAfter(now.plus(this.scheduling.busyRetry()))) {
				this.trigger.fireAt(issueId, now);
			}
		}
		else if (next.isEmpty() || Duration.between(next.get(), due).abs().compareTo(Duration.ofSeconds(1)) > 0) {
			log.info("Issue {}: send due at {}", issueId, due);
			this.trigger.fireAt(issueId, due);
		}
	}

	private void each(IssueStatus status, Consumer<Issue> action) {
		for (Issue issue : this.issues.withStatus(status)) {
			try {
				action.accept(issue);
			}
			catch (RuntimeException ex) {
				log.error("Cannot bring the schedule of issue {} in line with the database", issue.getId(), ex);
			}
		}
	}

}

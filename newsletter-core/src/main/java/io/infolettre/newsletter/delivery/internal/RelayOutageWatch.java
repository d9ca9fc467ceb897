package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SendPaused;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.PauseCause;
import io.infolettre.newsletter.issue.RelayOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A send paused because no relay could be reached, and its way back. The relay is tried again
 * through the {@link MailGateway} (a connection and EHLO, no message) after waits that grow (see
 * {@link DeliverySettings.RelayRecovery}), and the send resumes by itself as soon as it answers.
 * When the relay has taken no message for {@code giveUpAfter}, the send waits for a person.
 * <p>
 * Each step is a change of the issue in MongoDB (the cause of the pause, the time of the next try,
 * the tries so far), so it goes on after a restart, from whichever instance's trigger fires; the
 * issue's version decides between two instances, and whatever a person did meanwhile (pause, resume,
 * cancel) stands. Its pauses and resumes go to the issue's history.
 */
@Component
class RelayOutageWatch {

	private static final Logger log = LoggerFactory.getLogger(RelayOutageWatch.class);

	private final IssueManagement issues;

	private final MailGateway gateway;

	private final ApplicationEventPublisher events;

	private final DeliverySettings.RelayRecovery recovery;

	private final Clock clock;

	RelayOutageWatch(IssueManagement issues, MailGateway gateway, ApplicationEventPublisher events,
			DeliverySettings settings, Clock clock) {
		this.issues = issues;
		this.gateway = gateway;
		this.events = events;
		this.recovery = settings.relayRecovery();
		this.clock = clock;
	}

	/**
	 * The send could not reach the relay: paused until the relay is tried again. A send that was
	 * resumed from an outage and delivered nothing since goes on with that outage (its waits keep
	 * growing, its deadline stands).
	 */
	void pause(String issueId, String reason, boolean deliveredSinceStart) {
		Instant now = this.clock.instant();
		RelayOutage ongoing = deliveredSinceStart ? null : this.issues.get(issueId).getRelayOutage();
		RelayOutage outage = ongoing == null ? new RelayOutage(now, 0) : ongoing;
		try {
			if (!now.isBefore(deadline(outage))) {
				this.issues.pauseAutomatically(issueId, reason + " ; reprise automatique abandonnée : " + gaveUp(outage));
				log.warn("Issue {}: the relay has taken nothing for {}; the send waits for a person", issueId,
						this.recovery.giveUpAfter());
				return;
			}
			Instant nextTry = nextTry(outage, now);
			this.issues.pauseForRelayOutage(issueId, reason, nextTry, deliveredSinceStart);
			this.events.publishEvent(new SendPaused(issueId, nextTry));
			log.warn("Issue {}: no relay can be reached; trying again at {}", issueId, nextTry);
		}
		catch (IssueStateException | OptimisticLockingFailureException ex) {
			// paused or cancelled meanwhile: that decision stands
		}
	}

	/**
	 * The time to try the relay again has come: the send resumes if the relay answers; otherwise it
	 * waits longer, or for a person once the outage has lasted {@code giveUpAfter}.
	 * @return the issue, resumed, or null when it stays paused
	 */
	Issue tryAgain(Issue issue) {
		String issueId = issue.getId();
		if (this.gateway.answers()) {
			try {
				Issue resumed = this.issues.resumeAutomatically(issueId, PauseCause.RELAY_UNAVAILABLE,
						"le serveur SMTP répond de nouveau");
				log.info("Issue {}: the relay answers again; resuming its send", issueId);
				return resumed;
			}
			catch (IssueStateException | OptimisticLockingFailureException ex) {
				// resumed, paused or cancelled meanwhile, by a person or another instance
				Issue current = this.issues.get(issueId);
				return current.getStatus().maySend() ? current : null;
			}
		}
		Instant now = this.clock.instant();
		RelayOutage outage = issue.getRelayOutage();
		try {
			if (!now.isBefore(deadline(outage))) {
				this.issues.abandonAutomaticResume(issueId, gaveUp(outage.probedAgain()));
				log.warn("Issue {}: the relay still does not answer after {}; the send waits for a person", issueId,
						this.recovery.giveUpAfter());
			}
			else {
				Instant nextTry = nextTry(outage.probedAgain(), now);
				this.issues.relayStillUnavailable(issueId, nextTry);
				this.events.publishEvent(new SendPaused(issueId, nextTry));
				log.info("Issue {}: the relay still does not answer; trying again at {}", issueId, nextTry);
			}
		}
		catch (IssueStateException | OptimisticLockingFailureException ex) {
			// changed meanwhile, by a person or another instance that tried the relay too
		}
		return null;
	}

	// The last try falls on the deadline.
	private Instant nextTry(RelayOutage outage, Instant now) {
		Instant next = now.plus(this.recovery.waitAfter(outage.probes()));
		return next.isAfter(deadline(outage)) ? deadline(outage) : next;
	}

	private Instant deadline(RelayOutage outage) {
		return outage.since().plus(this.recovery.giveUpAfter());
	}

	private String gaveUp(RelayOutage outage) {
		return "le serveur SMTP n'a rien accepté depuis " + french(this.recovery.giveUpAfter()) + " ("
				+ outage.probes() + " essais) ; reprenez l'envoi quand il répondra de nouveau.";
	}

	private static String french(Duration duration) {
		if (duration.toHours() > 0 && duration.toMinutesPart() == 0) {
			return duration.toHours() + " h";
		}
		return duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
	}

}

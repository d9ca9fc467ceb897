package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SendPaused;
import io.infolettre.newsletter.delivery.spi.SendClaims;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Makes the {@link SendControl} of one running send. */
@Component
class SendControls {

	private static final Logger log = LoggerFactory.getLogger(SendControls.class);

	private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' H 'h' mm",
			Locale.CANADA_FRENCH);

	private final IssueManagement issues;

	private final SubscriberManagement subscribers;

	private final SendClaims claims;

	private final ApplicationStop stop;

	private final RelayOutageWatch relay;

	private final DeliverySettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SendControls(IssueManagement issues, SubscriberManagement subscribers, SendClaims claims, ApplicationStop stop,
			RelayOutageWatch relay, DeliverySettings settings, ApplicationEventPublisher events, Clock clock) {
		this.issues = issues;
		this.subscribers = subscribers;
		this.claims = claims;
		this.stop = stop;
		this.relay = relay;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	SendControl forIssue(String issueId) {
		// the window cannot change during a send: only an issue that has not started is rescheduled
		SendWindow window = this.issues.get(issueId).getWindow();
		var windowClosed = new AtomicBoolean();
		return new SendControl() {

			@Override
			public boolean maySend() {
				// a stop ends the send between two messages; another instance that took it over goes on
				if (SendControls.this.stop.isStopping() || !SendControls.this.claims.holds(issueId)) {
					return false;
				}
				if (window != null && !window.isOpen(SendControls.this.clock.instant())) {
					if (windowClosed.compareAndSet(false, true)) {
						pauseUntilOpening(issueId, window);
					}
					return false;
				}
				return SendControls.this.issues.statusOf(issueId).maySend();
			}

			@Override
			public void pause(String reason) {
				try {
					SendControls.this.issues.pauseAutomatically(issueId, reason);
				}
				catch (IssueStateException | OptimisticLockingFailureException ex) {
					// paused or cancelled meanwhile: that decision stands
				}
			}

			@Override
			public void relayUnavailable(String reason, boolean deliveredSinceStart) {
				SendControls.this.relay.pause(issueId, reason, deliveredSinceStart);
			}

			@Override
			public void hardBounce(String subscriberId) {
				SendControls.this.subscribers.recordHardBounce(subscriberId,
						SendControls.this.settings.hardBouncesBeforeBounced());
			}

		};
	}

	private void pauseUntilOpening(String issueId, SendWindow window) {
		Instant opening = window.nextOpening(this.clock.instant());
		String when = OPENING.format(opening.atZone(window.zone()));
		try {
			this.issues.pauseUntilWindowOpens(issueId, "Fenêtre d'envoi fermée ; reprise automatique " + when, opening);
			this.events.publishEvent(new SendPaused(issueId, opening));
			log.info("Issue {}: its send window closed; resuming at {}", issueId, opening);
		}
		catch (IssueStateException | OptimisticLockingFailureException ex) {
			// paused or cancelled meanwhile: that decision stands
		}
	}

}

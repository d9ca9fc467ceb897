package io.infolettre.newsletter.scheduling;

import java.time.Clock;

import io.infolettre.newsletter.composition.ImageSources;
import io.infolettre.newsletter.composition.IssueMessages;
import io.infolettre.newsletter.composition.IssuePreflight;
import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.SendEngine;
import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.scheduling.internal.QuartzSendTrigger;
import io.infolettre.newsletter.segment.RecipientSource;

import org.springframework.stereotype.Service;

/**
 * Starting a send. Checks first what would otherwise be discovered mid-send (the template renders,
 * the audience is not empty), then schedules the issue and asks Quartz to fire at once.
 */
@Service
public class IssueSending {

	private final IssueManagement issues;

	private final IssueRenderer renderer;

	private final ImageSources images;

	private final RecipientSource recipients;

	private final QuartzSendTrigger trigger;

	private final SendEngine engine;

	private final Deliveries ledger;

	private final IssuePreflight checklist;

	private final Clock clock;

	IssueSending(IssueManagement issues, IssueRenderer renderer, ImageSources images, RecipientSource recipients,
			QuartzSendTrigger trigger, SendEngine engine, Deliveries ledger, IssuePreflight checklist, Clock clock) {
		this.images = images;
		this.engine = engine;
		this.ledger = ledger;
		this.checklist = checklist;
		this.issues = issues;
		this.renderer = renderer;
		this.recipients = recipients;
		this.trigger = trigger;
		this.clock = clock;
	}

	/**
	 * Sends a draft now, or resumes a failed send where it stopped.
	 * @throws SendRefusedException when the template does not render or nobody would receive it
	 * @throws io.infolettre.newsletter.issue.ApprovalMissingException when the team requires an
	 * approval and the draft has none
	 */
	public Issue sendNow(String issueId) {
		Issue issue = this.issues.get(issueId);
		this.issues.requireApproval(issue);
		preflight(issue);
		var now = this.clock.instant();
		Issue scheduled = this.issues.schedule(issueId, now);
		this.trigger.fireAt(issueId, now);
		return scheduled;
	}

	/**
	 * Schedules a draft (or a failed or missed send) at a time in a time zone, or moves a scheduled
	 * issue that has not started yet; with a window, it only sends on those days and hours.
	 * @throws SendRefusedException when the template does not render or nobody would receive it
	 * @throws IllegalArgumentException when the time is not in the future
	 * @throws io.infolettre.newsletter.issue.ApprovalMissingException when the team requires an
	 * approval and the draft has none
	 */
	public Issue schedule(String issueId, SendTime time, SendWindow window) {
		if (!time.instant().isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("L'heure d'envoi doit être dans le futur");
		}
		Issue issue = this.issues.get(issueId);
		this.issues.requireApproval(issue);
		preflight(issue);
		Issue scheduled = this.issues.schedule(issueId, time, window);
		this.trigger.fireAt(issueId, scheduled.dueAt());
		return scheduled;
	}

	/** Takes a scheduled issue that has not started (or a missed one) back to a draft. */
	public Issue unschedule(String issueId) {
		Issue draft = this.issues.unschedule(issueId);
		this.trigger.cancel(issueId);
		return draft;
	}

	/**
	 * Pauses a scheduled or running send between two messages; the messages on the wire finish. A
	 * send paused by the engine that would resume by itself (its window, the relay) stays paused until
	 * a person resumes it.
	 * @throws io.infolettre.newsletter.issue.IssueStateException when the issue is not sending
	 */
	public Issue pause(String issueId) {
		Issue paused = this.issues.pause(issueId, "Mis en pause par la coordination");
		this.trigger.cancel(issueId);
		return paused;
	}

	/** Resumes a paused send where it stopped: nobody is skipped, nobody receives it twice. */
	public Issue resume(String issueId) {
		preflight(this.issues.get(issueId));
		var now = this.clock.instant();
		Issue resumed = this.issues.resume(issueId);
		this.trigger.fireAt(issueId, now);
		return resumed;
	}

	/**
	 * Cancels a send: whoever has not received it yet never will. What was sent stays in the ledger
	 * and the report.
	 */
	public Issue cancel(String issueId) {
		Issue cancelled = this.issues.cancel(issueId);
		this.trigger.cancel(issueId);
		// a running send also does this when it sees the cancel; doing it here covers a paused one
		this.engine.skipPending(issueId);
		return cancelled;
	}

	/**
	 * Sends a sent issue again to the recipients it did not reach (failed or uncertain), as a new
	 * round over the same ledger; those who bounced for good or unsubscribed since are skipped.
	 * @return how many entries go out again
	 */
	public long resendUndelivered(String issueId) {
		Issue issue = this.issues.get(issueId);
		if (issue.getStatus() != IssueStatus.SENT) {
			throw new IssueStateException("Seul un numéro envoyé peut être renvoyé aux non-remis (statut actuel : "
					+ issue.getStatus() + ")", issue.getStatus());
		}
		preflight(issue);
		// the counters of a sent issue were recounted from the ledger when its send ended
		var progress = this.ledger.progress(issueId);
		if (progress.failed() + progress.uncertain() == 0) {
			throw new SendRefusedException("Tous les destinataires ont reçu ce numéro : rien à renvoyer.", null);
		}
		this.issues.resendUndelivered(issueId);
		long reset = this.engine.requeueUndelivered(issueId);
		this.trigger.fireAt(issueId, this.clock.instant());
		return reset;
	}

	/** How many subscribers would receive the issue if it were sent now. */
	public long audienceSize(Issue issue) {
		return this.recipients.count(issue.getAudience());
	}

	private static boolean isFirstSend(Issue issue) {
		var status = issue.getStatus();
		return issue.getSendingStartedAt() == null
				&& (status == IssueStatus.DRAFT || status == IssueStatus.MISSED || status == IssueStatus.SCHEDULED);
	}

	/**
	 * A first send must pass the whole checklist ({@link IssuePreflight}); a send that started (a
	 * resume, a resend) only needs to render still, in every language, whatever a warning said.
	 */
	private void preflight(Issue issue) {
		if (isFirstSend(issue)) {
			var report = this.checklist.check(issue);
			if (!report.passes()) {
				throw new SendRefusedException("La vérification avant envoi a échoué : " + report.failureSummary(), null);
			}
		}
		try {
			IssueMessages.compile(this.renderer, this.images, issue);
		}
		catch (TemplateProblem ex) {
			throw new SendRefusedException("Le gabarit ne peut pas être rendu : " + ex.getMessage(), ex);
		}
		// A send that started resumes from its frozen ledger; only a first send needs recipients now.
		if (isFirstSend(issue) && audienceSize(issue) == 0) {
			throw new SendRefusedException("Aucun destinataire actif dans l'audience de ce numéro.", null);
		}
	}

}

package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.segment.Audience;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One edition of the newsletter. Guards its lifecycle: only a draft is edited, only a scheduled
 * issue starts sending, only a sending issue is marked sent. Transitions record domain events that
 * {@link IssueManagement} publishes once the change is stored.
 */
@Document("issues")
public class Issue {

	@Id
	private String id;

	@Version
	private Long version;

	private String title;

	private IssueContent content;

	private Audience audience;

	private IssueStatus status;

	private Instant scheduledAt;

	private Instant sendingStartedAt;

	private Instant sentAt;

	private String failureReason;

	private String pauseReason;

	private int deliveryRound;

	private Instant createdAt;

	private Instant updatedAt;

	@Transient
	private final List<Object> events = new ArrayList<>();

	@PersistenceCreator
	Issue() {
	}

	public Issue(String title, IssueContent content, Audience audience, Instant now) {
		this.title = title;
		this.content = content;
		this.audience = audience;
		this.status = IssueStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void edit(String title, IssueContent content, Audience audience, Instant now) {
		require(this.status.isEditable(), "Seul un brouillon peut être modifié");
		this.title = title;
		this.content = content;
		this.audience = audience;
		this.updatedAt = now;
	}

	/** Schedules a draft, or a failed send again (its delivery resumes where it stopped). */
	void schedule(Instant at, Instant now) {
		require(this.status == IssueStatus.DRAFT || this.status == IssueStatus.FAILED,
				"Seul un brouillon ou un envoi en échec peut être programmé");
		this.status = IssueStatus.SCHEDULED;
		this.scheduledAt = at;
		this.failureReason = null;
		this.updatedAt = now;
		this.events.add(new IssueScheduled(this.id, at));
	}

	/** Stops a send between two messages; {@link #resume} takes it up where it stopped. */
	void pause(String reason, Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING,
				"Seul un envoi programmé ou en cours peut être mis en pause");
		this.status = IssueStatus.PAUSED;
		this.pauseReason = reason;
		this.updatedAt = now;
	}

	void resume(Instant now) {
		require(this.status == IssueStatus.PAUSED, "Seul un envoi en pause peut reprendre");
		this.status = IssueStatus.SCHEDULED;
		this.scheduledAt = now;
		this.pauseReason = null;
		this.updatedAt = now;
		this.events.add(new IssueScheduled(this.id, now));
	}

	/** Nobody else receives it; what was sent stays in the ledger. */
	void cancel(Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING
				|| this.status == IssueStatus.PAUSED || this.status == IssueStatus.FAILED,
				"Seul un envoi programmé, en cours, en pause ou en échec peut être annulé");
		this.status = IssueStatus.CANCELLED;
		this.pauseReason = null;
		this.updatedAt = now;
	}

	/**
	 * Sends a sent issue again to those it did not reach (failed, uncertain). Each round is a new run
	 * of the send over the same frozen ledger.
	 */
	void resendUndelivered(Instant now) {
		require(this.status == IssueStatus.SENT, "Seul un numéro envoyé peut être renvoyé aux non-remis");
		this.status = IssueStatus.SCHEDULED;
		this.scheduledAt = now;
		this.deliveryRound++;
		this.updatedAt = now;
		this.events.add(new IssueScheduled(this.id, now));
	}

	void startSending(Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING,
				"Seul un numéro programmé peut partir");
		if (this.sendingStartedAt == null) {
			this.sendingStartedAt = now;
		}
		this.status = IssueStatus.SENDING;
		this.updatedAt = now;
	}

	void markSent(Instant now) {
		require(this.status == IssueStatus.SENDING, "Seul un numéro en cours d'envoi peut être marqué envoyé");
		this.status = IssueStatus.SENT;
		this.sentAt = now;
		this.updatedAt = now;
		this.events.add(new IssueSent(this.id, now));
	}

	void markFailed(String reason, Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING,
				"Seul un envoi programmé ou en cours peut échouer");
		this.status = IssueStatus.FAILED;
		this.failureReason = reason;
		this.updatedAt = now;
	}

	List<Object> drainEvents() {
		var drained = List.copyOf(this.events);
		this.events.clear();
		return drained;
	}

	private void require(boolean condition, String message) {
		if (!condition) {
			throw new IssueStateException(message + " (statut actuel : " + this.status + ")", this.status);
		}
	}

	public String getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public IssueContent getContent() {
		return this.content;
	}

	public Audience getAudience() {
		return this.audience;
	}

	public IssueStatus getStatus() {
		return this.status;
	}

	public Instant getScheduledAt() {
		return this.scheduledAt;
	}

	public Instant getSendingStartedAt() {
		return this.sendingStartedAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public String getFailureReason() {
		return this.failureReason;
	}

	/** 0 for the first send; one more for each resend to those not reached. */
	public int getDeliveryRound() {
		return this.deliveryRound;
	}

	public String getPauseReason() {
		return this.pauseReason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}

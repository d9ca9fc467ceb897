package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.shared.Actor;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * One edition of the newsletter. Guards its lifecycle: only a draft is edited, only a scheduled
 * issue starts sending, only a sending issue is marked sent; {@link IssueManagement} stores each
 * change. What it says is its
 * {@link Composition}, when it sends its {@link SendSchedule}, what holds it its {@link PauseState};
 * their fields are stored as the issue's own. A draft's {@link Review} (submitted, approved, changes
 * requested) is kept in its {@code review} document; when the team requires an approval, only an
 * approved draft is scheduled or sent, and only by someone else than who submitted or last edited it.
 */
@Document("issues")
public class Issue {

	@Id
	private String id;

	@Version
	private Long version;

	private String title;

	@Unwrapped.Empty
	private Composition composition;

	private Audience audience;

	/**
	 * The media library images its variants show, kept in step with the content on every save and
	 * indexed: the media library asks which issues use an image before deleting it.
	 */
	private List<String> mediaIds = List.of();

	private IssueStatus status;

	@Unwrapped.Empty
	private SendSchedule schedule = SendSchedule.none();

	@Unwrapped.Empty
	private PauseState pause = new PauseState();

	private String seriesId;

	private Instant sendingStartedAt;

	private Instant sentAt;

	private String failureReason;

	private int deliveryRound;

	private Instant createdAt;

	private Instant updatedAt;

	/** One more for each saved edit that changed something: what a review step says it saw. */
	private int revision;

	/** Who saved the last edit that changed something; {@code null}: nobody since it was created. */
	private String lastEditorId;

	private String lastEditorName;

	private Review review;

	@Transient
	private final List<Object> events = new ArrayList<>();

	@PersistenceCreator
	Issue() {
	}

	public Issue(String title, IssueContent content, Audience audience, Instant now) {
		this(null, title, content, audience, null, now);
	}

	/**
	 * A draft of a series: its id is chosen by the series (one per occurrence), so that creating it
	 * twice fails instead of making two issues.
	 */
	Issue(String id, String title, IssueContent content, Audience audience, String seriesId, Instant now) {
		this.id = id;
		this.seriesId = seriesId;
		this.title = title;
		this.composition = new Composition(content);
		this.mediaIds = content == null ? List.of() : this.composition.mediaIds();
		this.audience = audience;
		this.status = IssueStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A new draft with every editable part set at once (the French variant, the English one, sender…). */
	public static Issue draft(IssueEdit edit, Audience audience, AllowedSenders senders, Instant now) {
		var issue = new Issue(null, null, null, audience, null, now);
		issue.apply(edit, senders);
		return issue;
	}

	public void edit(String title, IssueContent content, Audience audience, Instant now) {
		edit(title, content, audience, Actor.SYSTEM, now);
	}

	/**
	 * Changes the title, main content and audience of a draft; a change of a submitted or approved
	 * draft sends it back to review.
	 */
	public void edit(String title, IssueContent content, Audience audience, Actor editor, Instant now) {
		require(this.status.isEditable(), "Seul un brouillon peut être modifié");
		boolean changed = !Objects.equals(this.title, title) || !Objects.equals(getContent(), content)
				|| !Objects.equals(this.audience, audience);
		this.title = title;
		this.composition = this.composition.withContent(content);
		this.mediaIds = this.composition.mediaIds();
		this.audience = audience;
		this.updatedAt = now;
		if (changed) {
			edited(editor, now);
		}
	}

	/**
	 * Saves an edit of a draft: title, template, variants, sender, reply-to, archive.
	 * @return the fields it changed (empty: nothing changed, nothing to keep in the history)
	 * @throws IssueStateException when the issue is no draft
	 * @throws IllegalArgumentException when the edit is invalid (sender not allowed, reply-to not an
	 * address, no title, no template)
	 */
	public List<String> revise(IssueEdit edit, AllowedSenders senders, Instant now) {
		return revise(edit, senders, Actor.SYSTEM, now);
	}

	/**
	 * @param editor who saves it: they may not approve what they wrote
	 * @see #revise(IssueEdit, AllowedSenders, Instant)
	 */
	public List<String> revise(IssueEdit edit, AllowedSenders senders, Actor editor, Instant now) {
		require(this.status.isEditable(), "Seul un brouillon peut être modifié");
		IssueEdit before = currentEdit();
		apply(edit, senders);
		List<String> changes = currentEdit().changesFrom(before);
		if (!changes.isEmpty()) {
			this.updatedAt = now;
			edited(editor, now);
		}
		return changes;
	}

	// an approval was of what the approver read: a change needs another
	private void edited(Actor editor, Instant now) {
		this.revision++;
		this.lastEditorId = editor.personId();
		this.lastEditorName = editor.name();
		if (review().state() == ReviewState.APPROVED) {
			review().editedAfterApproval(editor, this.revision, now);
			this.events.add(new IssueSubmitted(this.id, this.title, editor, review().wishedTime(), null, true));
		}
	}

	/**
	 * The author asks for an approval.
	 * @param wishedTime when they would like it sent, or {@code null}
	 * @param note what the approver should know, or {@code null}
	 * @throws ReviewRefusedException when it is no draft, or already submitted or approved
	 */
	public void submit(Actor author, SendTime wishedTime, String note, Instant now) {
		requireReview(this.status == IssueStatus.DRAFT, "Seul un brouillon peut être soumis pour approbation");
		requireReview(review().state().maySubmit(), review().state() == ReviewState.APPROVED
				? "Ce numéro est déjà approuvé" : "Ce numéro attend déjà une approbation");
		String kept = note == null || note.isBlank() ? null : note.strip();
		review().submitted(author, wishedTime, kept, this.revision, now);
		this.updatedAt = now;
		this.events.add(new IssueSubmitted(this.id, this.title, author, wishedTime, kept, false));
	}

	/**
	 * A reviewer approves the submitted draft as it is now.
	 * @param approvalRequired whether the team requires four eyes: then the approver must be a person,
	 * neither its author nor its last editor
	 * @throws ReviewRefusedException when it waits for no approval, or the approver may not give it
	 */
	public void approve(Actor approver, boolean approvalRequired, Instant now) {
		requireReview(this.status == IssueStatus.DRAFT && review().state() == ReviewState.SUBMITTED,
				"Seul un brouillon soumis pour approbation peut être approuvé");
		if (approvalRequired) {
			requireReview(approver.isPerson(), "Seule une personne de l'équipe peut approuver un numéro");
			requireReview(!approver.personId().equals(review().authorId()),
					"Vous avez soumis ce numéro : une autre personne doit l'approuver (règle des quatre yeux)");
			requireReview(!approver.personId().equals(this.lastEditorId),
					"Vous avez modifié ce numéro en dernier : une autre personne doit l'approuver (règle des quatre yeux)");
		}
		review().approved(approver, this.revision, now);
		this.updatedAt = now;
		this.events.add(new IssueApproved(this.id, this.title, approver, review().authorId(), review().authorName()));
	}

	/**
	 * A reviewer sends the draft back to its author, saying what to change.
	 * @throws IllegalArgumentException when the comment is empty
	 * @throws ReviewRefusedException when it is neither submitted nor approved
	 */
	public void requestChanges(Actor reviewer, String comment, Instant now) {
		requireReview(this.status == IssueStatus.DRAFT
				&& (review().state() == ReviewState.SUBMITTED || review().state() == ReviewState.APPROVED),
				"Seul un brouillon soumis ou approuvé peut être renvoyé à son auteur");
		if (comment == null || comment.isBlank()) {
			throw new IllegalArgumentException("Dites ce qu'il faut modifier : le commentaire est obligatoire.");
		}
		review().changesRequested(reviewer, comment.strip(), this.revision, now);
		this.updatedAt = now;
		this.events.add(new IssueChangesRequested(this.id, this.title, reviewer, review().authorId(),
				review().authorName(), comment.strip()));
	}

	/**
	 * Refuses to schedule or send a draft that is not approved, when the team requires it. A send that
	 * started, failed or was missed was approved before it was first scheduled.
	 * @throws ApprovalMissingException when an approval is required and missing
	 */
	void requireApproval(boolean approvalRequired) {
		if (approvalRequired && this.status == IssueStatus.DRAFT && review().state() != ReviewState.APPROVED) {
			throw new ApprovalMissingException("Ce numéro doit être approuvé avant d'être programmé ou envoyé (état : "
					+ reviewLabel(review().state()) + ").", this.status);
		}
	}

	private static String reviewLabel(ReviewState state) {
		return switch (state) {
			case NONE -> "brouillon jamais soumis";
			case SUBMITTED -> "soumis pour approbation";
			case CHANGES_REQUESTED -> "modifications demandées";
			case APPROVED -> "approuvé";
		};
	}

	private void requireReview(boolean condition, String message) {
		if (!condition) {
			throw new ReviewRefusedException(message + " (statut actuel : " + this.status + ", approbation : "
					+ reviewLabel(review().state()) + ")", this.status);
		}
	}

	private Review review() {
		if (this.review == null) {
			this.review = new Review();
		}
		return this.review;
	}

	private void apply(IssueEdit edit, AllowedSenders senders) {
		if (edit.title() == null || edit.title().isBlank()) {
			throw new IllegalArgumentException("Le titre interne est obligatoire.");
		}
		this.composition = Composition.of(edit, senders);
		this.mediaIds = this.composition.mediaIds();
		this.title = edit.title().strip();
	}

	/** The editable parts as they are now. */
	public IssueEdit currentEdit() {
		return this.composition.asEdit(this.title);
	}

	/**
	 * A new draft with the same content, audience, template and sender, titled « Copie de … », with
	 * no schedule: the usual start of the next issue.
	 */
	public Issue duplicate(Instant now) {
		return copy(null, "Copie de " + this.title, null, now);
	}

	/** A series' draft made from this model issue: its variants, sender and reply-to as well. */
	Issue copy(String id, String title, String seriesId, Instant now) {
		var copy = new Issue(id, title, null, this.audience, seriesId, now);
		copy.composition = this.composition;
		copy.mediaIds = this.mediaIds;
		return copy;
	}

	/** The French (main) variant. */
	public IssueVariant french() {
		return this.composition.french();
	}

	/**
	 * What a reader of this language receives: the English variant for {@code en} when there is one,
	 * the French variant otherwise (any other language, none, or no English variant).
	 */
	public IssueVariant variant(String language) {
		return this.composition.variant(language);
	}

	/** The language a reader of {@code language} receives the issue in: {@code en} or {@code fr}. */
	public String languageOf(String language) {
		return this.composition.languageOf(language);
	}

	/** The languages the issue is written in, French first. */
	public List<String> languages() {
		return this.composition.languages();
	}

	/** The English variant; {@code null} when the issue has none. */
	public IssueVariant getEnglish() {
		return this.composition.english();
	}

	/** @param senders the configured senders, whose first is the default */
	public IssueSender senderOr(AllowedSenders senders) {
		return this.composition.senderOr(senders);
	}

	/** The chosen sender; {@code null}: the default one. */
	public IssueSender getSender() {
		return this.composition.sender();
	}

	/** Where replies go; {@code null}: to the sender. */
	public String getReplyTo() {
		return this.composition.replyTo();
	}

	/** Whether the issue appears in the public archive once sent. */
	public boolean isArchived() {
		return this.composition.isArchived();
	}

	/**
	 * Sends a draft now, or a failed or missed send again (its delivery resumes where it stopped). A
	 * first send asked for now goes now: a window chosen earlier no longer holds it back; a send that
	 * started keeps its window.
	 */
	void schedule(Instant at, Instant now) {
		require(this.status == IssueStatus.DRAFT || this.status == IssueStatus.FAILED
				|| this.status == IssueStatus.MISSED, "Seul un brouillon ou un envoi en échec peut être programmé");
		toScheduled(this.schedule.sendNow(at, this.sendingStartedAt != null), now);
	}

	/**
	 * Schedules a draft (or a failed or missed send) at a time of the coordinator's choosing, or moves
	 * a scheduled issue that has not started yet. The window, if any, then limits when it may send.
	 */
	void schedule(SendTime time, SendWindow window, Instant now) {
		require(this.status == IssueStatus.DRAFT || this.status == IssueStatus.FAILED
				|| this.status == IssueStatus.MISSED || (this.status == IssueStatus.SCHEDULED && this.sendingStartedAt == null),
				"Seul un brouillon, un envoi en échec ou un envoi programmé pas encore commencé peut être programmé");
		toScheduled(SendSchedule.at(time, window), now);
	}

	private void toScheduled(SendSchedule schedule, Instant now) {
		this.status = IssueStatus.SCHEDULED;
		this.schedule = schedule;
		this.failureReason = null;
		this.updatedAt = now;
	}

	/** Back to a draft: a scheduled issue that has not started, or one that missed its time. */
	void unschedule(Instant now) {
		require((this.status == IssueStatus.SCHEDULED && this.sendingStartedAt == null)
				|| this.status == IssueStatus.MISSED, "Seul un envoi programmé pas encore commencé peut être déprogrammé");
		this.status = IssueStatus.DRAFT;
		this.schedule = SendSchedule.none();
		this.updatedAt = now;
	}

	/**
	 * Its time passed while the application was down, longer ago than the grace period: nobody
	 * received it, and the coordinator decides (send now, reschedule or back to a draft).
	 */
	void markMissed(Instant now) {
		require(this.status == IssueStatus.SCHEDULED && this.sendingStartedAt == null,
				"Seul un envoi programmé pas encore commencé peut être manqué");
		this.status = IssueStatus.MISSED;
		this.schedule = this.schedule.missed(now);
		this.updatedAt = now;
	}

	/**
	 * A person stops a send between two messages; it waits for a person to {@link #resume} it. A send
	 * waiting to resume by itself (its window, the relay) becomes theirs: it no longer resumes by itself.
	 */
	void pause(String reason, Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING
				|| (this.status == IssueStatus.PAUSED && getPauseCause().resumesByItself()),
				"Seul un envoi programmé, en cours ou en attente de reprise automatique peut être mis en pause");
		this.pause.byPerson(reason, now);
		paused(now);
	}

	/** The engine stops a send for something a person must look at; it waits for a person. */
	void pauseAutomatically(String reason, Instant now) {
		requireRunning();
		this.pause.byEngine(reason, now);
		paused(now);
	}

	/** Its send window closed: it resumes by itself at {@code opening}. */
	void pauseUntilWindowOpens(String reason, Instant opening, Instant now) {
		requireRunning();
		this.pause.untilWindowOpens(reason, opening, now);
		paused(now);
	}

	/**
	 * The relay could not be reached: paused until {@code probeAt}, when the engine tries it again.
	 * @param deliveredSinceResumed whether the send delivered anything since it last resumed: if not,
	 * the outage it resumed from goes on (its start and its tries count on); if so, a new one begins
	 */
	void pauseForRelayOutage(String reason, Instant probeAt, boolean deliveredSinceResumed, Instant now) {
		requireRunning();
		this.pause.forRelayOutage(reason, probeAt, deliveredSinceResumed, now);
		paused(now);
	}

	/** The relay, tried again, still does not answer: the next try at {@code probeAt}. */
	void relayStillUnavailable(Instant probeAt, Instant now) {
		requireAwaiting(PauseCause.RELAY_UNAVAILABLE);
		this.pause.relayStillUnavailable(probeAt);
		this.updatedAt = now;
	}

	/** The engine stops waiting for the relay: the send waits for a person. */
	void abandonAutomaticResume(String reason, Instant now) {
		requireAwaiting(PauseCause.RELAY_UNAVAILABLE);
		this.pause.automaticResumeAbandoned(reason, now);
		paused(now);
	}

	private void paused(Instant now) {
		this.status = IssueStatus.PAUSED;
		this.updatedAt = now;
	}

	/** A person resumes a paused send where it stopped. */
	void resume(Instant now) {
		require(this.status == IssueStatus.PAUSED, "Seul un envoi en pause peut reprendre");
		this.pause.resumedByPerson(now);
		dueAgain(now);
	}

	/**
	 * The engine resumes a send that waited for {@code cause} to pass (its window opens, the relay
	 * answers again); refused when a person took the pause over, resumed or cancelled the send.
	 */
	void resumeAutomatically(PauseCause cause, String why, Instant now) {
		requireAwaiting(cause);
		this.pause.resumedAutomatically(why, now);
		dueAgain(now);
	}

	private void requireRunning() {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING,
				"Seul un envoi programmé ou en cours peut être mis en pause");
	}

	private void requireAwaiting(PauseCause cause) {
		require(this.status == IssueStatus.PAUSED && getPauseCause() == cause,
				"Cet envoi n'attend plus de reprise automatique");
	}

	/** Nobody else receives it; what was sent stays in the ledger. */
	void cancel(Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING
				|| this.status == IssueStatus.PAUSED || this.status == IssueStatus.FAILED
				|| this.status == IssueStatus.MISSED,
				"Seul un envoi programmé, en cours, en pause, en échec ou manqué peut être annulé");
		this.status = IssueStatus.CANCELLED;
		this.pause.cancelled();
		this.updatedAt = now;
	}

	/**
	 * Sends a sent issue again to those it did not reach (failed, uncertain). Each round is a new run
	 * of the send over the same frozen ledger.
	 */
	void resendUndelivered(Instant now) {
		require(this.status == IssueStatus.SENT, "Seul un numéro envoyé peut être renvoyé aux non-remis");
		this.deliveryRound++;
		dueAgain(now);
	}

	// scheduled again from now, where the send stopped
	private void dueAgain(Instant now) {
		this.status = IssueStatus.SCHEDULED;
		this.schedule = this.schedule.dueAgain(now);
		this.updatedAt = now;
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

	/**
	 * Every recipient is settled. The issue may be SCHEDULED again rather than SENDING when it was
	 * paused and resumed while its last messages went out, too quickly for the send to see the pause.
	 */
	void markSent(Instant now) {
		require(this.status == IssueStatus.SENDING
				|| (this.status == IssueStatus.SCHEDULED && this.sendingStartedAt != null),
				"Seul un numéro en cours d'envoi peut être marqué envoyé");
		this.status = IssueStatus.SENT;
		this.sentAt = now;
		this.pause.deliveredAll();
		this.updatedAt = now;
	}

	void markFailed(String reason, Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING,
				"Seul un envoi programmé ou en cours peut échouer");
		this.status = IssueStatus.FAILED;
		this.failureReason = reason;
		this.updatedAt = now;
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
		return this.composition.content();
	}

	public Audience getAudience() {
		return this.audience;
	}

	/** The media library images its variants show (French and English), each once. */
	public List<String> getMediaIds() {
		return this.mediaIds == null ? List.of() : this.mediaIds;
	}

	public IssueStatus getStatus() {
		return this.status;
	}

	public Instant getScheduledAt() {
		return this.schedule.scheduledAt();
	}

	/** The time as the coordinator chose it; {@code null} for a send started with "send now". */
	public SendTime getSendTime() {
		return this.schedule.sendTime();
	}

	/** When it may send; {@code null}: at any time. */
	public SendWindow getWindow() {
		return this.schedule.window();
	}

	/**
	 * When the send is due: its scheduled instant, or the next opening of its window after it.
	 */
	public Instant dueAt() {
		return this.schedule.dueAt();
	}

	/**
	 * When a paused send takes itself up again: the opening of its window, or the next try of the
	 * relay; {@code null} when it waits for a person.
	 */
	public Instant getResumeAt() {
		return this.pause.resumeAt();
	}

	public Instant getMissedAt() {
		return this.schedule.missedAt();
	}

	/** The series that created this issue, if any. */
	public String getSeriesId() {
		return this.seriesId;
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
		return this.pause.reason();
	}

	/** Why the send is paused; {@code null} when it is not. */
	public PauseCause getPauseCause() {
		return this.status == IssueStatus.PAUSED ? this.pause.cause() : null;
	}

	/** The relay outage the send waits out; {@code null} when none. */
	public RelayOutage getRelayOutage() {
		return this.pause.relayOutage();
	}

	/** Its pauses and resumes, oldest first. */
	public List<SendHistoryEntry> getSendHistory() {
		return this.pause.history();
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** 0 when created; one more for each saved edit that changed something. */
	public int getRevision() {
		return this.revision;
	}

	/** The person who saved the last change; {@code null}: none since it was created (or the platform). */
	public String getLastEditorId() {
		return this.lastEditorId;
	}

	public String getLastEditorName() {
		return this.lastEditorName;
	}

	public ReviewState getReviewState() {
		return this.review == null ? ReviewState.NONE : this.review.state();
	}

	/** Who submitted it for this round of review (or edited it once approved); {@code null}: not submitted. */
	public String getReviewAuthorId() {
		return this.review == null ? null : this.review.authorId();
	}

	public String getReviewAuthorName() {
		return this.review == null ? null : this.review.authorName();
	}

	/** When its author would like it sent; {@code null}: no wish, or not submitted. */
	public SendTime getWishedSendTime() {
		return this.review == null ? null : this.review.wishedTime();
	}

	/** What the author said when submitting it; {@code null}: nothing. */
	public String getSubmissionNote() {
		return this.review == null ? null : this.review.note();
	}

	/** The steps of its review, oldest first. */
	public List<ReviewStep> getReviewHistory() {
		return this.review == null ? List.of() : this.review.history();
	}

	/** The last approval or request for changes, whose revision the next reviewer compares with; or {@code null}. */
	public ReviewStep lastReview() {
		return this.review == null ? null : this.review.lastReview();
	}

	/**
	 * Whether {@code person} may approve it now: it waits for an approval and, under four eyes, they
	 * neither submitted nor last edited it.
	 */
	public boolean mayBeApprovedBy(String personId, boolean approvalRequired) {
		if (this.status != IssueStatus.DRAFT || getReviewState() != ReviewState.SUBMITTED) {
			return false;
		}
		return !approvalRequired || (personId != null && !personId.equals(getReviewAuthorId())
				&& !personId.equals(this.lastEditorId));
	}

	@DomainEvents
	Collection<Object> domainEvents() {
		return List.copyOf(this.events);
	}

	@AfterDomainEventPublication
	void clearDomainEvents() {
		this.events.clear();
	}

}

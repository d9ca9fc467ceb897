package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;

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

	private static final int HISTORY_KEPT = 100;

	private static final String AUTOMATIC_PAUSE = "Pause automatique — ";

	@Id
	private String id;

	@Version
	private Long version;

	private String title;

	/** The French variant (the one everyone without another variant reads) and the template. */
	private IssueContent content;

	/** The English variant; {@code null} when the issue has none. */
	private IssueVariant english;

	/** {@code null} in documents older than the choice of sender: the default sender. */
	private IssueSender sender;

	private String replyTo;

	/** Left out of the public archive; stored negated so that older documents are in it. */
	private boolean archiveExcluded;

	private Audience audience;

	private IssueStatus status;

	private Instant scheduledAt;

	private SendTime sendTime;

	private SendWindow window;

	private Instant resumeAt;

	private Instant missedAt;

	private String seriesId;

	private Instant sendingStartedAt;

	private Instant sentAt;

	private String failureReason;

	private String pauseReason;

	/** {@code null} when not paused, and in documents older than the causes: see {@link #getPauseCause()}. */
	private PauseCause pauseCause;

	/** The relay outage the send waits out, until it delivers again. */
	private RelayOutage relayOutage;

	/** Its pauses and resumes, oldest first (the last {@value #HISTORY_KEPT}). */
	private List<SendHistoryEntry> sendHistory = new ArrayList<>();

	private int deliveryRound;

	private Instant createdAt;

	private Instant updatedAt;

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
		this.content = content;
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
		require(this.status.isEditable(), "Seul un brouillon peut être modifié");
		this.title = title;
		this.content = content;
		this.audience = audience;
		this.updatedAt = now;
	}

	/**
	 * Saves an edit of a draft: title, template, variants, sender, reply-to, archive.
	 * @return the fields it changed (empty: nothing changed, nothing to keep in the history)
	 * @throws IssueStateException when the issue is no draft
	 * @throws IllegalArgumentException when the edit is invalid (sender not allowed, reply-to not an
	 * address, no title, no template)
	 */
	public List<String> revise(IssueEdit edit, AllowedSenders senders, Instant now) {
		require(this.status.isEditable(), "Seul un brouillon peut être modifié");
		IssueEdit before = currentEdit();
		apply(edit, senders);
		List<String> changes = currentEdit().changesFrom(before);
		if (!changes.isEmpty()) {
			this.updatedAt = now;
		}
		return changes;
	}

	private void apply(IssueEdit edit, AllowedSenders senders) {
		if (edit.title() == null || edit.title().isBlank()) {
			throw new IllegalArgumentException("Le titre interne est obligatoire.");
		}
		if (edit.template() == null || !edit.template().matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("Gabarit invalide : « " + edit.template() + " ».");
		}
		IssueSender from = edit.sender() == null ? senders.defaultSender() : edit.sender();
		if (!senders.allows(from)) {
			throw new IllegalArgumentException("Expéditeur non autorisé : " + from.label()
					+ ". Choisissez l'un des expéditeurs configurés (newsletter.senders).");
		}
		String replyTo = null;
		if (edit.replyTo() != null) {
			// a parsed address never holds CR or LF: nothing typed here can reach another header
			replyTo = EmailAddress.parse(edit.replyTo())
				.orElseThrow(() -> new IllegalArgumentException(
						"Adresse de réponse invalide : « " + edit.replyTo().replaceAll("[\\r\\n]", " ") + " »."))
				.value();
		}
		this.title = edit.title().strip();
		var french = edit.french();
		this.content = new IssueContent(french.subject(), french.preheader(), french.body(), edit.template(), "fr");
		this.english = edit.english();
		this.sender = from;
		this.replyTo = replyTo;
		this.archiveExcluded = !edit.archived();
	}

	/** The editable parts as they are now. */
	public IssueEdit currentEdit() {
		return new IssueEdit(this.title, this.content.template(), french(), this.english, this.sender, this.replyTo,
				!this.archiveExcluded);
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
		var copy = new Issue(id, title, this.content, this.audience, seriesId, now);
		copy.english = this.english;
		copy.sender = this.sender;
		copy.replyTo = this.replyTo;
		copy.archiveExcluded = this.archiveExcluded;
		return copy;
	}

	/** The French (main) variant. */
	public IssueVariant french() {
		return new IssueVariant(this.content.subject(), this.content.preheader(), this.content.body());
	}

	/**
	 * What a reader of this language receives: the English variant for {@code en} when there is one,
	 * the French variant otherwise (any other language, none, or no English variant).
	 */
	public IssueVariant variant(String language) {
		return "en".equalsIgnoreCase(language) && this.english != null ? this.english : french();
	}

	/** The language a reader of {@code language} receives the issue in: {@code en} or {@code fr}. */
	public String languageOf(String language) {
		return "en".equalsIgnoreCase(language) && this.english != null ? "en" : mainLanguage();
	}

	/** The languages the issue is written in, French first. */
	public List<String> languages() {
		return this.english == null || mainLanguage().equals("en") ? List.of(mainLanguage()) : List.of("fr", "en");
	}

	// older documents could be written in English alone
	private String mainLanguage() {
		return this.content.language();
	}

	public IssueVariant getEnglish() {
		return this.english;
	}

	/** @param senders the configured senders, whose first is the default */
	public IssueSender senderOr(AllowedSenders senders) {
		return this.sender == null ? senders.defaultSender() : this.sender;
	}

	/** The chosen sender; {@code null}: the default one. */
	public IssueSender getSender() {
		return this.sender;
	}

	/** Where replies go; {@code null}: to the sender. */
	public String getReplyTo() {
		return this.replyTo;
	}

	/** Whether the issue appears in the public archive once sent. */
	public boolean isArchived() {
		return !this.archiveExcluded;
	}

	/**
	 * Sends a draft now, or a failed or missed send again (its delivery resumes where it stopped). A
	 * first send asked for now goes now: a window chosen earlier no longer holds it back; a send that
	 * started keeps its window.
	 */
	void schedule(Instant at, Instant now) {
		require(this.status == IssueStatus.DRAFT || this.status == IssueStatus.FAILED
				|| this.status == IssueStatus.MISSED, "Seul un brouillon ou un envoi en échec peut être programmé");
		this.sendTime = null;
		if (this.sendingStartedAt == null) {
			this.window = null;
		}
		toScheduled(at, now);
	}

	/**
	 * Schedules a draft (or a failed or missed send) at a time of the coordinator's choosing, or moves
	 * a scheduled issue that has not started yet. The window, if any, then limits when it may send.
	 */
	void schedule(SendTime time, SendWindow window, Instant now) {
		require(this.status == IssueStatus.DRAFT || this.status == IssueStatus.FAILED
				|| this.status == IssueStatus.MISSED || (this.status == IssueStatus.SCHEDULED && this.sendingStartedAt == null),
				"Seul un brouillon, un envoi en échec ou un envoi programmé pas encore commencé peut être programmé");
		this.sendTime = time;
		this.window = window;
		toScheduled(time.instant(), now);
	}

	private void toScheduled(Instant at, Instant now) {
		this.status = IssueStatus.SCHEDULED;
		this.scheduledAt = at;
		this.failureReason = null;
		this.missedAt = null;
		this.updatedAt = now;
		this.events.add(new IssueScheduled(this.id, at));
	}

	/** Back to a draft: a scheduled issue that has not started, or one that missed its time. */
	void unschedule(Instant now) {
		require((this.status == IssueStatus.SCHEDULED && this.sendingStartedAt == null)
				|| this.status == IssueStatus.MISSED, "Seul un envoi programmé pas encore commencé peut être déprogrammé");
		this.status = IssueStatus.DRAFT;
		this.scheduledAt = null;
		this.sendTime = null;
		this.window = null;
		this.missedAt = null;
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
		this.missedAt = now;
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
		toPaused(PauseCause.COORDINATION, reason, null, now);
		this.relayOutage = null;
		record(now, SendHistoryEntry.Kind.PAUSED, null);
	}

	/** The engine stops a send for something a person must look at; it waits for a person. */
	void pauseAutomatically(String reason, Instant now) {
		requireRunning();
		toPaused(PauseCause.ENGINE, AUTOMATIC_PAUSE + reason, null, now);
		this.relayOutage = null;
		record(now, SendHistoryEntry.Kind.PAUSED_AUTOMATICALLY, reason);
	}

	/** Its send window closed: it resumes by itself at {@code opening}. */
	void pauseUntilWindowOpens(String reason, Instant opening, Instant now) {
		requireRunning();
		toPaused(PauseCause.SEND_WINDOW, AUTOMATIC_PAUSE + reason, opening, now);
		record(now, SendHistoryEntry.Kind.PAUSED_AUTOMATICALLY, reason);
	}

	/**
	 * The relay could not be reached: paused until {@code probeAt}, when the engine tries it again.
	 * @param deliveredSinceResumed whether the send delivered anything since it last resumed: if not,
	 * the outage it resumed from goes on (its start and its tries count on); if so, a new one begins
	 */
	void pauseForRelayOutage(String reason, Instant probeAt, boolean deliveredSinceResumed, Instant now) {
		requireRunning();
		if (deliveredSinceResumed || this.relayOutage == null) {
			this.relayOutage = new RelayOutage(now, 0);
		}
		toPaused(PauseCause.RELAY_UNAVAILABLE, AUTOMATIC_PAUSE + reason, probeAt, now);
		record(now, SendHistoryEntry.Kind.PAUSED_AUTOMATICALLY, reason);
	}

	/** The relay, tried again, still does not answer: the next try at {@code probeAt}. */
	void relayStillUnavailable(Instant probeAt, Instant now) {
		requireAwaiting(PauseCause.RELAY_UNAVAILABLE);
		this.relayOutage = this.relayOutage.probedAgain();
		this.resumeAt = probeAt;
		this.updatedAt = now;
	}

	/** The engine stops waiting for the relay: the send waits for a person. */
	void abandonAutomaticResume(String reason, Instant now) {
		requireAwaiting(PauseCause.RELAY_UNAVAILABLE);
		toPaused(PauseCause.ENGINE, "Reprise automatique abandonnée : " + reason, null, now);
		this.relayOutage = null;
		record(now, SendHistoryEntry.Kind.AUTOMATIC_RESUME_ABANDONED, reason);
	}

	private void toPaused(PauseCause cause, String reason, Instant resumeAt, Instant now) {
		this.status = IssueStatus.PAUSED;
		this.pauseCause = cause;
		this.pauseReason = reason;
		this.resumeAt = resumeAt;
		this.updatedAt = now;
	}

	/** A person resumes a paused send where it stopped. */
	void resume(Instant now) {
		require(this.status == IssueStatus.PAUSED, "Seul un envoi en pause peut reprendre");
		this.relayOutage = null;
		toResumed(now);
		record(now, SendHistoryEntry.Kind.RESUMED, null);
	}

	/**
	 * The engine resumes a send that waited for {@code cause} to pass (its window opens, the relay
	 * answers again); refused when a person took the pause over, resumed or cancelled the send.
	 */
	void resumeAutomatically(PauseCause cause, String why, Instant now) {
		requireAwaiting(cause);
		// the relay outage is kept: should the send fail again before it delivers anything, it goes on
		toResumed(now);
		record(now, SendHistoryEntry.Kind.RESUMED_AUTOMATICALLY, why);
	}

	private void toResumed(Instant now) {
		this.status = IssueStatus.SCHEDULED;
		this.scheduledAt = now;
		this.pauseCause = null;
		this.pauseReason = null;
		this.resumeAt = null;
		this.updatedAt = now;
		this.events.add(new IssueScheduled(this.id, now));
	}

	private void requireRunning() {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING,
				"Seul un envoi programmé ou en cours peut être mis en pause");
	}

	private void requireAwaiting(PauseCause cause) {
		require(this.status == IssueStatus.PAUSED && getPauseCause() == cause,
				"Cet envoi n'attend plus de reprise automatique");
	}

	private void record(Instant at, SendHistoryEntry.Kind kind, String detail) {
		this.sendHistory.add(new SendHistoryEntry(at, kind, detail));
		if (this.sendHistory.size() > HISTORY_KEPT) {
			this.sendHistory.remove(0);
		}
	}

	/** Nobody else receives it; what was sent stays in the ledger. */
	void cancel(Instant now) {
		require(this.status == IssueStatus.SCHEDULED || this.status == IssueStatus.SENDING
				|| this.status == IssueStatus.PAUSED || this.status == IssueStatus.FAILED
				|| this.status == IssueStatus.MISSED,
				"Seul un envoi programmé, en cours, en pause, en échec ou manqué peut être annulé");
		this.status = IssueStatus.CANCELLED;
		this.pauseCause = null;
		this.pauseReason = null;
		this.resumeAt = null;
		this.relayOutage = null;
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
		this.relayOutage = null;
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

	/** The time as the coordinator chose it; {@code null} for a send started with "send now". */
	public SendTime getSendTime() {
		return this.sendTime;
	}

	/** When it may send; {@code null}: at any time. */
	public SendWindow getWindow() {
		return this.window;
	}

	/**
	 * When the send is due: its scheduled instant, or the next opening of its window after it.
	 */
	public Instant dueAt() {
		if (this.scheduledAt == null) {
			return null;
		}
		return this.window == null ? this.scheduledAt : this.window.nextOpening(this.scheduledAt);
	}

	/**
	 * When a paused send takes itself up again: the opening of its window, or the next try of the
	 * relay; {@code null} when it waits for a person.
	 */
	public Instant getResumeAt() {
		return this.resumeAt;
	}

	public Instant getMissedAt() {
		return this.missedAt;
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
		return this.pauseReason;
	}

	/** Why the send is paused; {@code null} when it is not. */
	public PauseCause getPauseCause() {
		if (this.status != IssueStatus.PAUSED) {
			return null;
		}
		if (this.pauseCause != null) {
			return this.pauseCause;
		}
		// paused before causes were recorded: only the end of a window paused with a time to resume at
		return this.resumeAt != null ? PauseCause.SEND_WINDOW : PauseCause.ENGINE;
	}

	/** The relay outage the send waits out; {@code null} when none. */
	public RelayOutage getRelayOutage() {
		return this.relayOutage;
	}

	/** Its pauses and resumes, oldest first. */
	public List<SendHistoryEntry> getSendHistory() {
		return List.copyOf(this.sendHistory);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}

package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.issue.SendHistoryEntry.Kind;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * What holds a send and what takes it up again: the cause of its pause, the reason the coordinator
 * reads, when it resumes by itself; the relay outage it waits out, kept until the send delivers
 * again; and the history of its pauses and resumes. {@link Issue} says when each may happen; this
 * says what each does. The issue stores these fields as its own ({@code pauseCause},
 * {@code resumeAt}…), as before they had this name.
 */
final class PauseState {

	private static final int HISTORY_KEPT = 100;

	private static final String AUTOMATIC_PAUSE = "Pause automatique — ";

	private String pauseReason;

	/** {@code null} when not paused, and in documents older than the causes: see {@link #cause()}. */
	private PauseCause pauseCause;

	private Instant resumeAt;

	/** The relay outage the send waits out, until it delivers again. */
	private RelayOutage relayOutage;

	/** Its pauses and resumes, oldest first (the last {@value #HISTORY_KEPT}). */
	private List<SendHistoryEntry> sendHistory = new ArrayList<>();

	@PersistenceCreator
	PauseState() {
	}

	/** A person pauses the send: it waits for a person, whatever it waited for before. */
	void byPerson(String reason, Instant now) {
		hold(PauseCause.COORDINATION, reason, null);
		this.relayOutage = null;
		record(now, Kind.PAUSED, null);
	}

	/** The engine stops the send for something a person must look at. */
	void byEngine(String reason, Instant now) {
		hold(PauseCause.ENGINE, AUTOMATIC_PAUSE + reason, null);
		this.relayOutage = null;
		record(now, Kind.PAUSED_AUTOMATICALLY, reason);
	}

	/** Its send window closed: it resumes by itself at {@code opening}. */
	void untilWindowOpens(String reason, Instant opening, Instant now) {
		hold(PauseCause.SEND_WINDOW, AUTOMATIC_PAUSE + reason, opening);
		record(now, Kind.PAUSED_AUTOMATICALLY, reason);
	}

	/**
	 * The relay could not be reached: it is tried again at {@code probeAt}. The outage the send resumed
	 * from goes on unless it delivered since; otherwise a new one begins.
	 */
	void forRelayOutage(String reason, Instant probeAt, boolean deliveredSinceResumed, Instant now) {
		if (deliveredSinceResumed || this.relayOutage == null) {
			this.relayOutage = new RelayOutage(now, 0);
		}
		hold(PauseCause.RELAY_UNAVAILABLE, AUTOMATIC_PAUSE + reason, probeAt);
		record(now, Kind.PAUSED_AUTOMATICALLY, reason);
	}

	/** The relay, tried again, still does not answer: the next try at {@code probeAt}. */
	void relayStillUnavailable(Instant probeAt) {
		this.relayOutage = this.relayOutage.probedAgain();
		this.resumeAt = probeAt;
	}

	/** The engine stops waiting for the relay: the send waits for a person. */
	void automaticResumeAbandoned(String reason, Instant now) {
		hold(PauseCause.ENGINE, "Reprise automatique abandonnée : " + reason, null);
		this.relayOutage = null;
		record(now, Kind.AUTOMATIC_RESUME_ABANDONED, reason);
	}

	/** A person resumes the send: a relay outage it waited out is over as far as they are concerned. */
	void resumedByPerson(Instant now) {
		release();
		this.relayOutage = null;
		record(now, Kind.RESUMED, null);
	}

	/**
	 * The engine resumes the send; the relay outage is kept: should the send fail again before it
	 * delivers anything, it goes on.
	 */
	void resumedAutomatically(String why, Instant now) {
		release();
		record(now, Kind.RESUMED_AUTOMATICALLY, why);
	}

	/** The send is cancelled: nothing holds it, nothing takes it up again. */
	void cancelled() {
		release();
		this.relayOutage = null;
	}

	/** Every recipient is settled: no outage to wait out any more. */
	void deliveredAll() {
		this.relayOutage = null;
	}

	private void hold(PauseCause cause, String reason, Instant resumeAt) {
		this.pauseCause = cause;
		this.pauseReason = reason;
		this.resumeAt = resumeAt;
	}

	private void release() {
		hold(null, null, null);
	}

	private void record(Instant at, Kind kind, String detail) {
		this.sendHistory.add(new SendHistoryEntry(at, kind, detail));
		if (this.sendHistory.size() > HISTORY_KEPT) {
			this.sendHistory.remove(0);
		}
	}

	/** Why the send is paused, for a paused send. */
	PauseCause cause() {
		if (this.pauseCause != null) {
			return this.pauseCause;
		}
		// paused before causes were recorded: only the end of a window paused with a time to resume at
		return this.resumeAt != null ? PauseCause.SEND_WINDOW : PauseCause.ENGINE;
	}

	String reason() {
		return this.pauseReason;
	}

	Instant resumeAt() {
		return this.resumeAt;
	}

	RelayOutage relayOutage() {
		return this.relayOutage;
	}

	List<SendHistoryEntry> history() {
		return List.copyOf(this.sendHistory);
	}

}

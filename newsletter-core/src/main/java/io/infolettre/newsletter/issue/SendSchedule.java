package io.infolettre.newsletter.issue;

import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * When an issue sends: the instant it is due, the time as the coordinator chose it, the window it
 * may send in, and when it was found missed. Each change makes a new one; the issue stores these
 * fields as its own ({@code scheduledAt}, {@code sendTime}…), as before they had this name.
 */
final class SendSchedule {

	private Instant scheduledAt;

	/** The time as the coordinator chose it; {@code null} for a send started with "send now". */
	private SendTime sendTime;

	/** When it may send; {@code null}: at any time. */
	private SendWindow window;

	private Instant missedAt;

	@PersistenceCreator
	private SendSchedule() {
	}

	private SendSchedule(Instant scheduledAt, SendTime sendTime, SendWindow window, Instant missedAt) {
		this.scheduledAt = scheduledAt;
		this.sendTime = sendTime;
		this.window = window;
		this.missedAt = missedAt;
	}

	/** A draft's: none. */
	static SendSchedule none() {
		return new SendSchedule();
	}

	/** Due at {@code at}, at any time or, when {@code keepWindow}, within the window it had. */
	SendSchedule sendNow(Instant at, boolean keepWindow) {
		return new SendSchedule(at, null, keepWindow ? this.window : null, null);
	}

	/** At the time the coordinator chose, within {@code window} if any. */
	static SendSchedule at(SendTime time, SendWindow window) {
		return new SendSchedule(time.instant(), time, window, null);
	}

	/** Its time passed while the application was down: found so at {@code at}. */
	SendSchedule missed(Instant at) {
		return new SendSchedule(this.scheduledAt, this.sendTime, this.window, at);
	}

	/** Due again at {@code at} (resumed, or sent again to those not reached), in its window if any. */
	SendSchedule dueAgain(Instant at) {
		return new SendSchedule(at, this.sendTime, this.window, this.missedAt);
	}

	/** The scheduled instant, or the next opening of the window after it. */
	Instant dueAt() {
		if (this.scheduledAt == null) {
			return null;
		}
		return this.window == null ? this.scheduledAt : this.window.nextOpening(this.scheduledAt);
	}

	Instant scheduledAt() {
		return this.scheduledAt;
	}

	SendTime sendTime() {
		return this.sendTime;
	}

	SendWindow window() {
		return this.window;
	}

	Instant missedAt() {
		return this.missedAt;
	}

}

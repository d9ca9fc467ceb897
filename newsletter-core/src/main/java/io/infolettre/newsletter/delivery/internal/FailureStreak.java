package io.infolettre.newsletter.delivery.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a send stops itself: after a run of failed messages (the relay is in trouble: better to stop
 * than to burn through the list), or when no relay can be reached. A run without a single refusal
 * means the relay itself is out of reach (the send waits for it to answer again); a run of refusals
 * waits for a person. Shared by the lanes of one send.
 */
final class FailureStreak {

	private final int limit;

	private final AtomicInteger failures = new AtomicInteger();

	// the refusals among the failures of the streak: none means the relay itself is out of reach
	private final AtomicInteger refusals = new AtomicInteger();

	private volatile boolean delivered;

	private volatile String stopReason;

	private volatile boolean relayUnavailable;

	FailureStreak(int limit) {
		this.limit = limit;
	}

	/** The relay took a message: the streak is over. */
	void accepted() {
		this.failures.set(0);
		this.refusals.set(0);
		this.delivered = true;
	}

	/** @param refused the relay answered with a refusal (rather than the connection being lost) */
	void failed(String lastError, boolean refused) {
		if (refused) {
			this.refusals.incrementAndGet();
		}
		if (this.failures.incrementAndGet() >= this.limit) {
			stop(this.limit + " échecs consécutifs ; dernier : " + lastError, this.refusals.get() == 0);
		}
	}

	/** The first reason given stands. */
	synchronized void stop(String reason, boolean relayUnavailable) {
		if (this.stopReason == null) {
			this.relayUnavailable = relayUnavailable;
			this.stopReason = reason;
		}
	}

	boolean stopped() {
		return this.stopReason != null;
	}

	/** Why the send stops, or null while it goes on. */
	String stopReason() {
		return this.stopReason;
	}

	/** Whether the send stops because no relay can be reached. */
	boolean relayUnavailable() {
		return this.relayUnavailable;
	}

	/** Whether this run of the send delivered anything. */
	boolean delivered() {
		return this.delivered;
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import io.infolettre.newsletter.delivery.DeliverySettings.RateLimit;

/**
 * Keeps the sends under the relay's limits: messages evenly spaced to the per-second limit, and no
 * more than the per-hour limit in any sliding hour. Shared by every connection and every send.
 */
class SendThrottle {

	private static final long HOUR = Duration.ofHours(1).toNanos();

	private static final long LONGEST_SLEEP = Duration.ofSeconds(1).toNanos();

	private final long spacing;

	private final int perHour;

	private final Deque<Long> lastHour = new ArrayDeque<>();

	private long nextFree;

	SendThrottle(RateLimit limit) {
		this.spacing = limit.perSecond() == 0 ? 0 : 1_000_000_000L / limit.perSecond();
		this.perHour = limit.perHour();
	}

	boolean isLimited() {
		return this.spacing > 0 || this.perHour > 0;
	}

	/**
	 * Waits for the right to send one message.
	 * @param keepWaiting asked about once a second during long waits; false gives up
	 * @return false when it gave up
	 */
	boolean acquire(BooleanSupplier keepWaiting) throws InterruptedException {
		if (!isLimited()) {
			return true;
		}
		while (true) {
			long wait = reserve(System.nanoTime());
			if (wait <= 0) {
				return true;
			}
			if (!keepWaiting.getAsBoolean()) {
				return false;
			}
			Thread.sleep(Math.max(1, Math.min(wait, LONGEST_SLEEP) / 1_000_000));
		}
	}

	// Returns 0 when a slot was taken, otherwise how long to wait before asking again.
	synchronized long reserve(long now) {
		if (this.perHour > 0) {
			while (!this.lastHour.isEmpty() && now - this.lastHour.peekFirst() >= HOUR) {
				this.lastHour.pollFirst();
			}
			if (this.lastHour.size() >= this.perHour) {
				return this.lastHour.peekFirst() + HOUR - now;
			}
		}
		if (this.spacing > 0 && this.nextFree > now) {
			return this.nextFree - now;
		}
		this.nextFree = Math.max(now, this.nextFree) + this.spacing;
		if (this.perHour > 0) {
			this.lastHour.addLast(now);
		}
		return 0;
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Duration;

import io.infolettre.newsletter.delivery.DeliverySettings.RateLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's limits, on a clock the test moves. */
class SendThrottleTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void spacesMessagesEvenlyToThePerSecondLimit() {
		var throttle = new SendThrottle(new RateLimit(10, 0));
		long now = 1_000 * SECOND;

		assertThat(throttle.reserve(now)).isZero();
		assertThat(throttle.reserve(now)).as("the second one waits a tenth of a second").isEqualTo(SECOND / 10);
		assertThat(throttle.reserve(now + SECOND / 10)).isZero();
		int sent = 2;
		for (long t = now + SECOND / 10; t < now + 2 * SECOND; t += SECOND / 1000) {
			if (throttle.reserve(t) == 0) {
				sent++;
			}
		}
		assertThat(sent).as("20 in 2 seconds at 10 a second").isBetween(20, 21);
	}

	@Test
	void neverMoreThanThePerHourLimitInASlidingHour() {
		var throttle = new SendThrottle(new RateLimit(0, 3));
		long now = 5_000 * SECOND;

		assertThat(throttle.reserve(now)).isZero();
		assertThat(throttle.reserve(now + SECOND)).isZero();
		assertThat(throttle.reserve(now + 2 * SECOND)).isZero();
		long wait = throttle.reserve(now + 60 * SECOND);
		assertThat(wait).as("the fourth waits until the first leaves the hour").isEqualTo(3600 * SECOND - 60 * SECOND);
		assertThat(throttle.reserve(now + 3600 * SECOND)).isZero();
		assertThat(throttle.reserve(now + 3600 * SECOND)).isPositive();
	}

	@Test
	void noLimitNeverWaits() throws InterruptedException {
		var throttle = new SendThrottle(new RateLimit(0, 0));
		assertThat(throttle.isLimited()).isFalse();
		assertThat(throttle.acquire(() -> false)).isTrue();
	}

	@Test
	void aLongWaitGivesUpWhenTheSendIsPaused() throws InterruptedException {
		var throttle = new SendThrottle(new RateLimit(0, 1));
		assertThat(throttle.acquire(() -> true)).isTrue();
		assertThat(throttle.acquire(() -> false)).as("paused while waiting for the next hour").isFalse();
	}

}

package io.infolettre.newsletter.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances (two lease keepers) over one real MongoDB-wire server and one clock. */
class SendLeasesIntegrationTests {

	private final EmbeddedMongo mongo = new EmbeddedMongo();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);

	private final SchedulingSettings settings = new SchedulingSettings(null, null, Duration.ofSeconds(60), null, null);

	private final SendLeases first = new SendLeases(this.mongo.template(), this.clock, this.settings);

	private final SendLeases second = new SendLeases(this.mongo.template(), this.clock, this.settings);

	// issue ids look like ObjectIds, which Spring Data is keen to convert
	private final String a = "6b0825c8616373ee2861297e";

	private final String b = "6b0825c8616373ee2861297f";

	@AfterEach
	void stop() {
		this.first.destroy();
		this.second.destroy();
		this.mongo.close();
	}

	@Test
	void oneInstanceAtATimeHoldsAnIssue() {
		assertThat(this.first.tryAcquire(this.a)).isTrue();
		assertThat(this.second.tryAcquire(this.a)).isFalse();
		assertThat(this.first.tryAcquire(this.a)).as("held by another thread of the same instance").isFalse();
		assertThat(this.second.tryAcquire(this.b)).as("another issue").isTrue();

		this.first.release(this.a);
		assertThat(this.first.holds(this.a)).isFalse();
		assertThat(this.second.tryAcquire(this.a)).isTrue();
		assertThat(this.second.holds(this.a)).isTrue();
	}

	@Test
	void aLeaseNotRenewedExpiresAndAnotherInstanceTakesItOver() {
		assertThat(this.first.tryAcquire(this.a)).isTrue();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.second.tryAcquire(this.a)).isFalse();
		this.clock.advance(Duration.ofSeconds(2));

		assertThat(this.second.tryAcquire(this.a)).isTrue();
		assertThat(this.first.tryAcquire(this.a)).isFalse();
	}

	@Test
	void aLeaseOfAnInstanceOfThisProcessThatStoppedIsFreeAtOnce() {
		assertThat(this.first.tryAcquire(this.a)).isTrue();
		this.first.destroy();

		assertThat(this.second.tryAcquire(this.a)).isTrue();
	}

}

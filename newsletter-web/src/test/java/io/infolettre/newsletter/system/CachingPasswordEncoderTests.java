package io.infolettre.newsletter.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class CachingPasswordEncoderTests {

	private final AtomicInteger checks = new AtomicInteger();

	private final PasswordEncoder slow = new PasswordEncoder() {
		@Override
		public String encode(CharSequence raw) {
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			CachingPasswordEncoderTests.this.checks.incrementAndGet();
			return encoded.equals("hash:" + raw);
		}
	};

	private final MutableClock clock = new MutableClock();

	private final CachingPasswordEncoder encoder = new CachingPasswordEncoder(this.slow, Duration.ofMinutes(5),
			this.clock);

	@Test
	void remembersASuccessForAWhile() {
		assertThat(this.encoder.matches("secret", "hash:secret")).isTrue();
		assertThat(this.encoder.matches("secret", "hash:secret")).isTrue();
		assertThat(this.checks).hasValue(1);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.encoder.matches("secret", "hash:secret")).isTrue();
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void neverRemembersAFailureNorAnotherPassword() {
		assertThat(this.encoder.matches("secret", "hash:secret")).isTrue();
		assertThat(this.encoder.matches("wrong", "hash:secret")).isFalse();
		assertThat(this.encoder.matches("wrong", "hash:secret")).isFalse();
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void aChangedPasswordHashIsCheckedAgain() {
		assertThat(this.encoder.matches("secret", "hash:secret")).isTrue();
		assertThat(this.encoder.matches("secret", "hash:other")).isFalse();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-26T12:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

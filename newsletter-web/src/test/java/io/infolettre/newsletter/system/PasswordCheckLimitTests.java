package io.infolettre.newsletter.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** However many logins arrive at once, at most N password hashes are computed at once; the rest are refused. */
class PasswordCheckLimitTests {

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger mostAtOnce = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	/** A hash that takes as long as the test wants, measuring how many run at once. */
	private final PasswordEncoder slowHash = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return raw.toString();
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			int now = PasswordCheckLimitTests.this.running.incrementAndGet();
			PasswordCheckLimitTests.this.mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				PasswordCheckLimitTests.this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			PasswordCheckLimitTests.this.running.decrementAndGet();
			return encoded.equals(raw.toString());
		}

	};

	@Test
	void twentyLoginsAtOnceRunTwoChecksAndTheOthersAreRefusedQuickly() throws Exception {
		var limit = new PasswordCheckLimit(
				new LoginSettings(null, null, null, null, null, 2, Duration.ofMillis(200)));
		PasswordEncoder encoder = limit.bound(this.slowHash);
		ExecutorService threads = Executors.newFixedThreadPool(20);
		try {
			List<Future<Boolean>> logins = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				logins.add(threads.submit(() -> encoder.matches("secret", "secret")));
			}
			// two hold a turn and block; the eighteen others give up after their wait
			await().atMost(Duration.ofSeconds(10))
				.until(() -> logins.stream().filter(Future::isDone).count() == 18 && this.running.get() == 2);
			List<Future<Boolean>> waiting = logins.stream().filter(login -> !login.isDone()).toList();
			assertThat(logins.stream().filter(Future::isDone)).allSatisfy(login -> assertThat(catchThrowable(login::get))
				.isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(PasswordChecksBusyException.class));
			this.release.countDown();
			for (var login : waiting) {
				assertThat(login.get(10, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(this.mostAtOnce).hasValue(2);
			assertThat(limit.checks()).isEqualTo(2);
		}
		finally {
			this.release.countDown();
			threads.shutdownNow();
		}
	}

}

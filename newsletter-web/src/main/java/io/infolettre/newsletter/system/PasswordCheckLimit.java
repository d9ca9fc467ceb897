package io.infolettre.newsletter.system;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At most {@code passwordChecks} password hashes computed at once. A hash takes a core for about
 * 0.1 s by design, so login attempts, however many, could otherwise take every core from sending and
 * from the pages. A check that finds no turn within {@code passwordCheckWait} is refused at once
 * ({@link PasswordChecksBusyException}, answered 429): nothing queues without bound.
 */
@Component
class PasswordCheckLimit {

	private final Semaphore turns;

	private final long waitNanos;

	private final int permits;

	private final AtomicLong checks = new AtomicLong();

	PasswordCheckLimit(LoginSettings settings) {
		this.permits = settings.passwordChecks();
		this.turns = new Semaphore(this.permits, true);
		this.waitNanos = settings.passwordCheckWait().toNanos();
	}

	int permits() {
		return this.permits;
	}

	/** Passwords checked since the start (new passwords hashed not counted): what logins have cost. */
	long checks() {
		return this.checks.get();
	}

	<T> T run(Supplier<T> check) {
		try {
			if (!this.turns.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS)) {
				throw new PasswordChecksBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordChecksBusyException();
		}
		try {
			return check.get();
		}
		finally {
			this.turns.release();
		}
	}

	/** The encoder whose every hash (check or new password) takes a turn. */
	PasswordEncoder bound(PasswordEncoder delegate) {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return run(() -> delegate.encode(rawPassword));
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return run(() -> {
					PasswordCheckLimit.this.checks.incrementAndGet();
					return delegate.matches(rawPassword, encodedPassword);
				});
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return delegate.upgradeEncoding(encodedPassword);
			}

		};
	}

}

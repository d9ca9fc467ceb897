package io.infolettre.newsletter.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per account and per client address and locks either after too many: for
 * {@code lockFor}, doubled by each further failure, up to {@code maxLock}. A locked login is refused
 * before its password is looked at, the right one included, and an unknown account is counted like
 * a known one, so the answer never tells whether an account exists. A success clears its account's
 * count (not its address's: one's own account must not reset a count run up against others'). The
 * counts are this node's own, in memory; the least recently seen beyond 100,000 are forgotten.
 */
@Component
class LoginThrottle {

	private static final int MAX_KEYS = 100_000;

	private static final int MAX_NAME_LENGTH = 200;

	private final LoginSettings settings;

	private final Clock clock;

	private final Failures accounts = new Failures();

	private final Failures clients = new Failures();

	LoginThrottle(LoginSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How long this login must still wait, or empty when it may be tried. */
	synchronized Optional<Duration> lockedFor(String account, String client) {
		Instant now = this.clock.instant();
		Instant until = later(this.accounts.lockedUntil(key(account), now), this.clients.lockedUntil(client, now));
		return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
	}

	synchronized void failed(String account, String client) {
		Instant now = this.clock.instant();
		this.accounts.add(key(account), now, this.settings.failuresBeforeLock());
		this.clients.add(client, now, this.settings.clientFailuresBeforeLock());
	}

	synchronized void succeeded(String account) {
		this.accounts.remove(key(account));
	}

	/** Forgets a client address's failures (an administrator unlocking an office, a test cleaning up). */
	synchronized void forgetClient(String client) {
		this.clients.remove(client);
	}

	synchronized void forgetAccount(String account) {
		this.accounts.remove(key(account));
	}

	private static String key(String account) {
		String name = account == null ? "" : account;
		return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

	private final class Failures {

		private final Map<String, Count> counts = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
				return size() > MAX_KEYS;
			}

		};

		Instant lockedUntil(String key, Instant now) {
			Count count = current(key, now);
			return count != null && count.lockedUntil != null && now.isBefore(count.lockedUntil) ? count.lockedUntil
					: null;
		}

		void add(String key, Instant now, int allowed) {
			Count count = current(key, now);
			if (count == null) {
				count = new Count();
				this.counts.put(key, count);
			}
			count.failures++;
			count.last = now;
			if (count.failures >= allowed) {
				count.lockedUntil = now.plus(lock(count.failures - allowed));
			}
		}

		void remove(String key) {
			if (key != null) {
				this.counts.remove(key);
			}
		}

		private Count current(String key, Instant now) {
			if (key == null) {
				return null;
			}
			Count count = this.counts.get(key);
			if (count != null && !now.isBefore(count.last.plus(LoginThrottle.this.settings.forgetAfter()))) {
				this.counts.remove(key);
				return null;
			}
			return count;
		}

		private Duration lock(int beyond) {
			Duration max = LoginThrottle.this.settings.maxLock();
			Duration lock = LoginThrottle.this.settings.lockFor();
			for (int i = 0; i < beyond && lock.compareTo(max) < 0; i++) {
				lock = lock.multipliedBy(2);
			}
			return lock.compareTo(max) > 0 ? max : lock;
		}

	}

	private static final class Count {

		int failures;

		Instant last;

		Instant lockedUntil;

	}

}

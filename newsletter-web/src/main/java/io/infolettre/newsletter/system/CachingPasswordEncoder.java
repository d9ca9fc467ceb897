package io.infolettre.newsletter.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The REST API is stateless: every request carries HTTP Basic credentials, and a bcrypt check costs
 * about 100 ms of CPU, so a client polling progress would take a core away from sending. A
 * successful check is remembered for a few minutes under a SHA-256 of the password and its stored
 * hash (never the password itself); changing the password changes the hash, so the cache cannot
 * outlive it. Failures are never cached.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

	private static final int MAX_ENTRIES = 1000;

	private final PasswordEncoder delegate;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		String key = digest(rawPassword, encodedPassword);
		Instant now = this.clock.instant();
		Instant until = this.verified.get(key);
		if (until != null && now.isBefore(until)) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (this.verified.size() >= MAX_ENTRIES) {
				this.verified.clear();
			}
			this.verified.put(key, now.plus(this.ttl));
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private static String digest(CharSequence raw, String encoded) {
		try {
			var sha = MessageDigest.getInstance("SHA-256");
			sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(encoded.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

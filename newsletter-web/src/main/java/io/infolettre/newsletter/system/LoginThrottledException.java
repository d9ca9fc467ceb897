package io.infolettre.newsletter.system;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without looking at the password: its account or its client address is locked. */
final class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins; retry in " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/** The wait in whole minutes, rounded up: what the person is told. */
	long minutes() {
		return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
	}

}

package io.infolettre.newsletter.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How password logins (the login form and the API's HTTP Basic) are slowed down.
 *
 * @param failuresBeforeLock wrong passwords in a row an account may take before it is locked
 * @param clientFailuresBeforeLock wrong passwords one client address may send, whatever the accounts,
 * before it is locked (an office behind one address shares it)
 * @param lockFor the first lock; each further failure after a lock doubles it
 * @param maxLock the longest lock
 * @param forgetAfter failures are forgotten after this long without one
 * @param passwordChecks password hashes checked at once (each takes a core for about 0.1 s); by
 * default half the cores, at least one, so that logins never take all of them
 * @param passwordCheckWait how long a login waits for its turn before it is refused (429)
 */
@ConfigurationProperties("newsletter.login")
record LoginSettings(Integer failuresBeforeLock, Integer clientFailuresBeforeLock, Duration lockFor, Duration maxLock,
		Duration forgetAfter, Integer passwordChecks, Duration passwordCheckWait) {

	LoginSettings {
		failuresBeforeLock = failuresBeforeLock == null ? 5 : Math.max(1, failuresBeforeLock);
		clientFailuresBeforeLock = clientFailuresBeforeLock == null ? 20 : Math.max(1, clientFailuresBeforeLock);
		lockFor = lockFor == null ? Duration.ofMinutes(1) : lockFor;
		maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
		forgetAfter = forgetAfter == null ? Duration.ofHours(6) : forgetAfter;
		passwordChecks = passwordChecks == null ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2)
				: Math.max(1, passwordChecks);
		passwordCheckWait = passwordCheckWait == null ? Duration.ofSeconds(1) : passwordCheckWait;
	}

}

package io.infolettre.newsletter.people;

import java.time.Instant;

/**
 * A person's second factor: the key shared with their authenticator app (RFC 6238, 30-second steps,
 * six digits), whether it is on (confirmed with a code), the last time step whose code was accepted
 * (a code is good once), and how many single-use recovery codes remain.
 *
 * @param secret the key in Base32, as the person types it into their app
 */
public record SecondFactor(String personId, String secret, boolean active, long lastAcceptedStep,
		int recoveryCodesLeft, Instant createdAt, Instant activatedAt) {

	@Override
	public String toString() {
		return "SecondFactor[personId=" + this.personId + ", active=" + this.active + ", recoveryCodesLeft="
				+ this.recoveryCodesLeft + "]";
	}

}

package io.infolettre.newsletter.subscriber;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Proof that a subscriber agreed to receive the newsletter (CASL, Quebec's Law 25): what kind of
 * consent, through which channel, with what proof and when. Implied consent (membership, business
 * relationship) lapses two years after it was granted or last renewed; express consent does not
 * expire. A withdrawn or lapsed consent means the subscriber is never selected for a send,
 * whatever a segment says.
 *
 * @param type express, or implied by membership or by a business relationship
 * @param channel how it was collected
 * @param source where exactly: the form's page, the import file and line, the admin's name
 * @param proof the text the person saw or the fact that implies consent
 * @param ipAddress the client's address for a form, when known
 * @param grantedAt when it was given (or last renewed)
 * @param expiresAt when an implied consent lapses; {@code null} for express consent
 * @param withdrawnAt when the person withdrew it (unsubscribed); {@code null} while in force
 */
public record Consent(Type type, Channel channel, String source, String proof, String ipAddress, Instant grantedAt,
		Instant expiresAt, Instant withdrawnAt) {

	/** How long implied consent lasts under CASL. */
	public static final Period IMPLIED_VALIDITY = Period.ofYears(2);

	public enum Type {

		EXPRESS, IMPLIED_MEMBERSHIP, IMPLIED_BUSINESS_RELATIONSHIP;

		public boolean isImplied() {
			return this != EXPRESS;
		}

	}

	/** How a consent was collected. */
	public enum Channel {
		FORM, IMPORT, API, ADMIN
	}

	public Consent {
		if (type == null || grantedAt == null) {
			throw new IllegalArgumentException("A consent needs a type and a time");
		}
		// consents recorded before channels were kept came from the administration
		channel = channel == null ? Channel.ADMIN : channel;
	}

	/** Express consent: given by the person (double opt-in form, signed paper); it does not expire. */
	public static Consent express(Channel channel, String source, String proof, String ipAddress, Instant at) {
		return new Consent(Type.EXPRESS, channel, source, proof, ipAddress, at, null, null);
	}

	/** Implied consent (membership, business relationship): lapses after {@link #IMPLIED_VALIDITY}. */
	public static Consent implied(Type type, Channel channel, String source, String proof, Instant at) {
		if (!type.isImplied()) {
			throw new IllegalArgumentException("Express consent is given with Consent.express");
		}
		return new Consent(type, channel, source, proof, null, at, lapseOf(at), null);
	}

	/** Whether a message may be sent under this consent at {@code now}. */
	public boolean isValidAt(Instant now) {
		return this.withdrawnAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
	}

	/** Whether an implied consent still in force lapses within {@code horizon} from {@code now}. */
	public boolean expiresWithin(Instant now, Duration horizon) {
		return isValidAt(now) && this.expiresAt != null && !this.expiresAt.isAfter(now.plus(horizon));
	}

	public Consent withdrawn(Instant at) {
		return this.withdrawnAt != null ? this : new Consent(this.type, this.channel, this.source, this.proof,
				this.ipAddress, this.grantedAt, this.expiresAt, at);
	}

	/** The relationship was confirmed again (membership renewed): implied consent runs two more years. */
	public Consent renewed(Instant at) {
		return new Consent(this.type, this.channel, this.source, this.proof, this.ipAddress, at,
				this.type.isImplied() ? lapseOf(at) : null, null);
	}

	private static Instant lapseOf(Instant grantedAt) {
		return grantedAt.atOffset(ZoneOffset.UTC).plus(IMPLIED_VALIDITY).toInstant();
	}

}

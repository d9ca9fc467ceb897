package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

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

	/**
	 * The association's time zone (Quebec): the calendar consent dates are given in (an import's
	 * « 2025-03-10 » is that day's midnight there), lapse on, and are shown on.
	 */
	public static final ZoneId ZONE = ZoneId.of("America/Toronto");

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

	/**
	 * Whether an implied consent still in force lapses within {@code days} days of {@code now}: by
	 * the end of the {@code days}-th day from today on the association's calendar.
	 */
	public boolean expiresWithin(Instant now, int days) {
		return isValidAt(now) && this.expiresAt != null && !this.expiresAt.isAfter(lapsingHorizon(now, days));
	}

	/**
	 * The last moment a consent may lapse at and still lapse "within {@code days} days": the end of
	 * the {@code days}-th day from {@code now}'s on the association's calendar, so that a consent shown
	 * to lapse on that day is counted whatever its hour and whatever daylight saving time does.
	 */
	public static Instant lapsingHorizon(Instant now, int days) {
		return LocalDate.ofInstant(now, ZONE).plusDays(days + 1L).atStartOfDay(ZONE).toInstant().minusNanos(1);
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

	/**
	 * When an implied consent granted (or renewed) at {@code grantedAt} lapses: the same local time two
	 * years later on the association's calendar, so that the date shown is the date given plus two
	 * years. Two years counted in UTC would not be: a consent of 2025-03-10 (daylight saving time) would
	 * lapse at 23:00 on 2027-03-09 (standard time), one given at 23:30 on 2025-11-02 at 00:30 on
	 * 2027-11-03.
	 */
	public static Instant lapseOf(Instant grantedAt) {
		return grantedAt.atZone(ZONE).plus(IMPLIED_VALIDITY).toInstant();
	}

}

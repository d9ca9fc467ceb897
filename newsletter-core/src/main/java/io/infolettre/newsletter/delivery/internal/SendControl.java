package io.infolettre.newsletter.delivery.internal;

/** What a running send asks of, and tells, the rest of the application. */
interface SendControl {

	/**
	 * Whether the issue may still be sent: not paused or cancelled meanwhile, its send window still
	 * open (at its end the send pauses until the next opening), and this instance still holding it.
	 */
	boolean maySend();

	/** The engine pauses the send itself, with a reason the coordinator can act on. */
	void pause(String reason);

	/**
	 * No relay can be reached: the send pauses until the relay answers again.
	 * @param deliveredSinceStart whether this run of the send delivered anything before the relay
	 * went away
	 */
	void relayUnavailable(String reason, boolean deliveredSinceStart);

	/** The relay refused a subscriber's address for good. */
	void hardBounce(String subscriberId);

}

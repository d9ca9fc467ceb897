package io.infolettre.newsletter.issue;

/** Why a send is paused, which says who takes it up again. */
public enum PauseCause {

	/** A person paused it: it waits for a person, whatever happens meanwhile. */
	COORDINATION,

	/** Its send window closed: it resumes by itself when the window opens again. */
	SEND_WINDOW,

	/** The relay could not be reached: it resumes by itself once the relay answers again. */
	RELAY_UNAVAILABLE,

	/**
	 * The engine stopped it for something a person must look at (a run of refusals, a send
	 * interrupted by a stop, a relay that stayed out of reach too long).
	 */
	ENGINE;

	/** Whether the send takes itself up again, without a person. */
	public boolean resumesByItself() {
		return this == SEND_WINDOW || this == RELAY_UNAVAILABLE;
	}

}

package io.infolettre.newsletter.issue;

import java.time.Instant;

/**
 * One pause or resume of a send, kept on the issue for the coordinator to read.
 *
 * @param detail why, in French, for what the engine did; {@code null} for what a person did
 */
public record SendHistoryEntry(Instant at, Kind kind, String detail) {

	public enum Kind {

		/** Paused by a person. */
		PAUSED,

		/** Paused by the engine (relay out of reach, send window closed, run of refusals, stop). */
		PAUSED_AUTOMATICALLY,

		/** Resumed by a person. */
		RESUMED,

		/** Resumed by the engine (the relay answers again, the send window opens). */
		RESUMED_AUTOMATICALLY,

		/** The engine stopped waiting for the relay: a person takes it from there. */
		AUTOMATIC_RESUME_ABANDONED

	}

}

package io.infolettre.newsletter.series;

import java.time.Instant;

import io.infolettre.newsletter.issue.SendTime;

/**
 * One send to come, as the calendar shows it.
 *
 * @param at when it is due
 * @param time the wall-clock time the coordinator chose, when there is one (not for "send now")
 * @param issueId the issue, or {@code null} for an occurrence of a series not made yet
 * @param seriesId the series it belongs to, if any
 */
public record CalendarEntry(Kind kind, Instant at, SendTime time, String title, String issueId, String seriesId) {

	public enum Kind {

		/** A scheduled issue, due at its time. */
		SCHEDULED,

		/** A scheduled issue whose time has come, waiting for its send window to open. */
		WAITING_FOR_WINDOW,

		/** A send paused at the end of its window, resuming at the next opening. */
		RESUMING,

		/** An occurrence of a series whose issue is not made yet. */
		SERIES_OCCURRENCE,

		/** A draft submitted for approval, at the time its author wished it sent. */
		AWAITING_APPROVAL

	}

}

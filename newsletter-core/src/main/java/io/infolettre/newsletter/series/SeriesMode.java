package io.infolettre.newsletter.series;

/** What a series does with the issue it makes for an occurrence. */
public enum SeriesMode {

	/** A draft the coordinator reviews, then schedules. */
	DRAFT_FOR_REVIEW,

	/** Scheduled at once for the occurrence (left as a draft, with the reason, if it cannot be). */
	SCHEDULE_AUTOMATICALLY

}

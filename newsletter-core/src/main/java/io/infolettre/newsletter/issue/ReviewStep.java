package io.infolettre.newsletter.issue;

import java.time.Instant;

/**
 * One step of a draft's review, kept on the issue: who, when, what they said, and which revision of
 * the content they saw (so that the next reviewer sees what changed since).
 *
 * @param personId the person's id; {@code null} for the platform
 * @param comment the note of a submission, the comment of a request for changes; {@code null} otherwise
 * @param revision the issue's {@link Issue#getRevision() revision} at that moment
 */
public record ReviewStep(Kind kind, String personId, String name, Instant at, String comment, int revision) {

	public enum Kind {

		/** Submitted for approval by its author. */
		SUBMITTED,

		/** Approved by someone else than its author (when the team requires it). */
		APPROVED,

		/** Sent back to its author with a comment. */
		CHANGES_REQUESTED,

		/** Edited once approved: back to review, the editor now its author. */
		EDITED_AFTER_APPROVAL

	}

}

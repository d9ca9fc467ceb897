package io.infolettre.newsletter.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.ReviewState;
import io.infolettre.newsletter.issue.ReviewStep;

/**
 * Where an issue stands in its review: NONE (never submitted), SUBMITTED, CHANGES_REQUESTED, APPROVED.
 *
 * @param authorId who submitted it for this round (or edited it once approved)
 * @param wishedDate when the author would like it sent (with {@code wishedTime} in {@code wishedZone}),
 * or null
 * @param revision the content's revision now; each step says which one it saw
 * @param history the steps, oldest first
 */
record ReviewResource(ReviewState state, String authorId, String authorName, LocalDate wishedDate,
		LocalTime wishedTime, String wishedZone, String note, int revision, List<ReviewStep> history) {

	static ReviewResource of(Issue issue) {
		var wished = issue.getWishedSendTime();
		return new ReviewResource(issue.getReviewState(), issue.getReviewAuthorId(), issue.getReviewAuthorName(),
				wished == null ? null : wished.date(), wished == null ? null : wished.time(),
				wished == null ? null : wished.zone().getId(), issue.getSubmissionNote(), issue.getRevision(),
				issue.getReviewHistory());
	}

}

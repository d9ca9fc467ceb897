package io.infolettre.newsletter.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import io.infolettre.newsletter.issue.SendTime;

/**
 * A submission for approval: optionally the time the author would like it sent ({@code wishedDate},
 * {@code wishedTime} — 09:00 by default —, {@code zone}, Quebec time by default) and a note for the
 * approver.
 */
record IssueReviewRequest(LocalDate wishedDate, LocalTime wishedTime, ZoneId zone, String note) {

	SendTime wished(ZoneId defaultZone) {
		if (this.wishedDate == null) {
			if (this.wishedTime != null) {
				throw new IllegalArgumentException("Une heure souhaitée va avec une date (wishedDate).");
			}
			return null;
		}
		return new SendTime(this.wishedDate, this.wishedTime == null ? LocalTime.of(9, 0) : this.wishedTime,
				this.zone == null ? defaultZone : this.zone);
	}

	/** A request for changes: what to change. */
	record Changes(String comment) {
	}

}

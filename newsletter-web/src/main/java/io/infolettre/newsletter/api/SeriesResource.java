package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.series.Recurrence;
import io.infolettre.newsletter.series.Series;
import io.infolettre.newsletter.series.SeriesMode;

/** A series as the API shows it, with its next occurrences. */
record SeriesResource(String id, String name, String modelIssueId, Recurrence recurrence, SeriesMode mode, int leadDays,
		ScheduleResource.Window window, boolean active, List<Occurrence> upcoming, String lastIssueId,
		String lastProblem, int issuesCreated) {

	/** One occurrence: its wall-clock time, what daylight saving did to it, and the instant. */
	record Occurrence(SendTime time, SendTime.Adjustment adjustment, Instant at) {

		static Occurrence of(SendTime time) {
			return new Occurrence(time, time.adjustment(), time.instant());
		}

	}

	static SeriesResource of(Series series, List<SendTime> upcoming) {
		return new SeriesResource(series.getId(), series.getName(), series.getModelIssueId(), series.getRecurrence(),
				series.getMode(), series.getLeadDays(), ScheduleResource.Window.of(series.getWindow()), series.isActive(),
				upcoming.stream().map(Occurrence::of).toList(), series.getLastIssueId(), series.getLastProblem(),
				series.getIssuesCreated());
	}

}

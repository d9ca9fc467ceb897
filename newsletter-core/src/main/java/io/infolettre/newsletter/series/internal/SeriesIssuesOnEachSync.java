package io.infolettre.newsletter.series.internal;

import io.infolettre.newsletter.scheduling.SchedulesSynchronized;
import io.infolettre.newsletter.series.SeriesManagement;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the series' due issues at start and on each synchronisation of the schedules: an issue is
 * made days before its send, so that beat is plenty, and any instance may do it (each occurrence is
 * made once, whoever gets there).
 */
@Component
class SeriesIssuesOnEachSync {

	private final SeriesManagement series;

	SeriesIssuesOnEachSync(SeriesManagement series) {
		this.series = series;
	}

	@EventListener
	void on(SchedulesSynchronized sync) {
		this.series.makeDueIssues();
	}

}

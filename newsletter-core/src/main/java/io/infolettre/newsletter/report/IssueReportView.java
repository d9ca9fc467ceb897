package io.infolettre.newsletter.report;

import java.util.List;

/** What an issue's report page shows above the breakdowns, read at once. */
public record IssueReportView(IssueFigures figures, List<LinkClicks> links, List<TimelinePoint> timeline) {

	public IssueReportView {
		links = List.copyOf(links);
		timeline = List.copyOf(timeline);
	}

}

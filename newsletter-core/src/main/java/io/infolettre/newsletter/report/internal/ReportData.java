package io.infolettre.newsletter.report.internal;

import java.util.Collection;
import java.util.List;

import io.infolettre.newsletter.report.Breakdown;
import io.infolettre.newsletter.report.BreakdownRow;
import io.infolettre.newsletter.report.IssueStatistics;

import org.springframework.stereotype.Component;

/** The report's stored data, for {@link io.infolettre.newsletter.report.IssueReports}. */
@Component
public class ReportData {

	private final StatsStore stats;

	private final StatsRebuild rebuild;

	private final BreakdownQuery breakdowns;

	ReportData(StatsStore stats, StatsRebuild rebuild, BreakdownQuery breakdowns) {
		this.stats = stats;
		this.rebuild = rebuild;
		this.breakdowns = breakdowns;
	}

	public IssueStatistics statistics(String issueId) {
		return this.stats.read(issueId);
	}

	/** An issue's counters as stored, read once for a whole page. */
	public StoredCounters counters(String issueId) {
		return new StoredCounters(issueId, this.stats.raw(issueId));
	}

	public List<IssueStatistics> statistics(Collection<String> issueIds) {
		return this.stats.raw(issueIds)
			.stream()
			.map(document -> StatsStore.statistics(document.getString("issueId"), document))
			.toList();
	}

	public List<BreakdownRow> breakdown(String issueId, Breakdown by, long sent) {
		return this.breakdowns.breakdown(issueId, by, sent, this.stats.read(issueId));
	}

	public IssueStatistics rebuild(String issueId) {
		this.breakdowns.forget(issueId);
		return this.rebuild.rebuild(issueId);
	}

}

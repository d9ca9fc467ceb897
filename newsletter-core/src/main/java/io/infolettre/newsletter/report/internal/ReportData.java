package io.infolettre.newsletter.report.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.report.Breakdown;
import io.infolettre.newsletter.report.BreakdownRow;
import io.infolettre.newsletter.report.IssueStatistics;
import org.bson.Document;

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

	/** An issue's counters as stored, read once for a whole page (null: none yet). */
	public Document counters(String issueId) {
		return this.stats.raw(issueId);
	}

	public IssueStatistics statistics(String issueId, Document counters) {
		return StatsStore.statistics(issueId, counters);
	}

	/** Clicks per link key, from counters already read: total, by persons, unique. */
	public Map<Integer, long[]> links(Document counters) {
		return StatsStore.links(counters);
	}

	/** First reads per hour since the epoch, in order, from counters already read. */
	public Map<Long, Long> hours(Document counters) {
		return StatsStore.hours(counters);
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

package io.infolettre.newsletter.report.internal;

import java.util.Map;

import io.infolettre.newsletter.report.IssueStatistics;
import org.bson.Document;

/**
 * An issue's report counters as stored, read once for a whole page: its figures, its clicks per link
 * and its first reads per hour all come from this one read.
 */
public final class StoredCounters {

	private final String issueId;

	// null: nothing counted yet
	private final Document stored;

	StoredCounters(String issueId, Document stored) {
		this.issueId = issueId;
		this.stored = stored;
	}

	public IssueStatistics statistics() {
		return StatsStore.statistics(this.issueId, this.stored);
	}

	/** Clicks per link key: total, by persons, unique. */
	public Map<Integer, long[]> links() {
		return StatsStore.links(this.stored);
	}

	/** First reads per hour since the epoch, in order. */
	public Map<Long, Long> hours() {
		return StatsStore.hours(this.stored);
	}

}

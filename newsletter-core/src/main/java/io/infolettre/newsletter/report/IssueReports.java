package io.infolettre.newsletter.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.EventCounts;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.report.internal.ReportData;
import io.infolettre.newsletter.report.internal.StoredCounters;
import io.infolettre.newsletter.tracking.TrackedLinks;

import org.springframework.stereotype.Service;

/**
 * Reports computed from the delivery ledger's head (the send's figures) and the report counters kept
 * as the events arrive ({@code issue_stats}): an issue's report reads two documents by id, however
 * many recipients and events it had. Only the breakdowns by attribute walk the ledger.
 */
@Service
public class IssueReports {

	static final int TIMELINE_HOURS = 48;

	static final int TIMELINE_DAYS = 7;

	private final IssueManagement issues;

	private final Deliveries deliveries;

	private final ReportData data;

	private final TrackedLinks links;

	IssueReports(IssueManagement issues, Deliveries deliveries, ReportData data, TrackedLinks links) {
		this.issues = issues;
		this.deliveries = deliveries;
		this.data = data;
		this.links = links;
	}

	/** @throws io.infolettre.newsletter.issue.IssueNotFoundException for an unknown issue */
	public IssueReport forIssue(String issueId) {
		return forIssue(this.issues.get(issueId));
	}

	/** The report of an issue already loaded. */
	public IssueReport forIssue(Issue issue) {
		String issueId = issue.getId();
		var p = this.deliveries.progress(issueId);
		return new IssueReport(issueId, p.total(), p.sent(), p.failed(), p.skipped(), p.pending() + p.sending(),
				p.opened(), p.unsubscribed(), p.failedTemporary(), p.failedPermanent(), p.uncertain(), p.rate(),
				this.deliveries.opens(issueId), this.deliveries.clicks(issueId));
	}

	public IssueStatistics statistics(String issueId) {
		return this.data.statistics(issueId);
	}

	/**
	 * The send's figures and the tracking counters of an issue: two documents read by id (the ledger
	 * head, the counters). The opens and clicks by class come from the counters.
	 */
	public IssueFigures figures(Issue issue) {
		return figures(issue, this.data.counters(issue.getId()));
	}

	/** Everything the report page shows but the breakdowns, from one read of the counters. */
	public IssueReportView view(Issue issue) {
		StoredCounters counters = this.data.counters(issue.getId());
		return new IssueReportView(figures(issue, counters), links(issue.getId(), counters),
				timeline(issue, counters));
	}

	private IssueFigures figures(Issue issue, StoredCounters counters) {
		String issueId = issue.getId();
		IssueStatistics stats = counters.statistics();
		var p = this.deliveries.progress(issueId);
		var report = new IssueReport(issueId, p.total(), p.sent(), p.failed(), p.skipped(), p.pending() + p.sending(),
				stats.read(), p.unsubscribed(), p.failedTemporary(), p.failedPermanent(), p.uncertain(), p.rate(),
				new EventCounts(stats.read(), stats.openEvents(), stats.openClasses()),
				new EventCounts(stats.clicked(), stats.clickEvents(), stats.clickClasses()));
		return new IssueFigures(report, stats);
	}

	/** The issue's links that were clicked, most followed first. */
	public List<LinkClicks> links(String issueId) {
		return links(issueId, this.data.counters(issueId));
	}

	private List<LinkClicks> links(String issueId, StoredCounters counters) {
		List<LinkClicks> rows = new ArrayList<>();
		counters.links()
			.forEach((key, counts) -> rows.add(new LinkClicks(
					this.links.find(issueId, key).orElse("#" + Integer.toHexString(key)), counts[0], counts[1],
					counts[2])));
		rows.sort(Comparator.comparingLong(LinkClicks::unique)
			.thenComparingLong(LinkClicks::total)
			.reversed()
			.thenComparing(LinkClicks::url));
		return rows;
	}

	/**
	 * First reads over the first seven days after the send started: by hour for 48 hours, then by day.
	 * Reads before the start (a test message) count in the first hour.
	 */
	public List<TimelinePoint> timeline(Issue issue) {
		return timeline(issue, this.data.counters(issue.getId()));
	}

	private List<TimelinePoint> timeline(Issue issue, StoredCounters counters) {
		Map<Long, Long> hours = counters.hours();
		Instant start = issue.getSendingStartedAt() != null ? issue.getSendingStartedAt() : issue.getSentAt();
		if (start == null) {
			if (hours.isEmpty()) {
				return List.of();
			}
			start = Instant.ofEpochSecond(hours.keySet().iterator().next() * 3600);
		}
		start = start.truncatedTo(ChronoUnit.HOURS);
		long first = start.getEpochSecond() / 3600;
		long before = hours.entrySet().stream().filter(e -> e.getKey() < first).mapToLong(Map.Entry::getValue).sum();
		List<TimelinePoint> points = new ArrayList<>();
		long cumulative = 0;
		for (int h = 0; h < TIMELINE_DAYS * 24;) {
			int span = h < TIMELINE_HOURS ? 1 : 24;
			long reads = h == 0 ? before : 0;
			for (int i = h; i < h + span; i++) {
				reads += hours.getOrDefault(first + i, 0L);
			}
			cumulative += reads;
			Instant from = start.plus(Duration.ofHours(h));
			points.add(new TimelinePoint(from, from.plus(Duration.ofHours(span)), span == 1, reads, cumulative));
			h += span;
		}
		return points;
	}

	/** The issue's figures by a subscriber attribute, largest groups first. */
	public List<BreakdownRow> breakdown(String issueId, Breakdown by) {
		return this.data.breakdown(issueId, by, this.deliveries.progress(issueId).sent());
	}

	/** Open and click rates of every sent issue, oldest first. */
	public Trend trend() {
		List<Issue> sent = this.issues.withStatus(IssueStatus.SENT)
			.stream()
			.filter(issue -> issue.getSentAt() != null)
			.sorted(Comparator.comparing(Issue::getSentAt))
			.toList();
		Map<String, IssueStatistics> stats = new HashMap<>();
		this.data.statistics(sent.stream().map(Issue::getId).toList())
			.forEach(s -> stats.put(s.issueId(), s));
		return new Trend(sent.stream().map(issue -> {
			var s = stats.getOrDefault(issue.getId(), IssueStatistics.none(issue.getId()));
			return new TrendPoint(issue.getId(), issue.getTitle(), issue.getSentAt(),
					this.deliveries.progress(issue.getId()).sent(), s.read(), s.clicked());
		}).toList());
	}

	/**
	 * Recomputes an issue's report counters from its ledger and its raw events, and forgets its
	 * breakdowns. Meant for when the counters are in doubt (a listener failed, a bug was fixed); run
	 * it while the issue's events are quiet, since opens written meanwhile may be counted twice or not.
	 * @throws io.infolettre.newsletter.issue.IssueNotFoundException for an unknown issue
	 */
	public IssueStatistics rebuild(String issueId) {
		this.issues.get(issueId);
		return this.data.rebuild(issueId);
	}

}

package io.infolettre.newsletter.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.SendTime;

import org.springframework.stereotype.Service;

/**
 * The sends to come, in time order: scheduled issues, sends waiting for their window, drafts waiting for
 * an approval at the time their author wished, series occurrences.
 */
@Service
public class SendCalendar {

	private final IssueManagement issues;

	private final SeriesManagement series;

	private final Clock clock;

	SendCalendar(IssueManagement issues, SeriesManagement series, Clock clock) {
		this.issues = issues;
		this.series = series;
		this.clock = clock;
	}

	/** What is due from now until {@code ahead} from now (sends already due included). */
	public List<CalendarEntry> upcoming(Duration ahead) {
		Instant now = this.clock.instant();
		Instant until = now.plus(ahead);
		List<CalendarEntry> entries = new ArrayList<>();
		Set<String> madeIssues = new HashSet<>();
		for (Issue issue : this.issues.withStatus(IssueStatus.SCHEDULED)) {
			madeIssues.add(issue.getId());
			Instant due = issue.dueAt();
			if (!due.isAfter(until)) {
				boolean waiting = due.isAfter(issue.getScheduledAt()) && due.isAfter(now);
				entries.add(new CalendarEntry(waiting ? CalendarEntry.Kind.WAITING_FOR_WINDOW : CalendarEntry.Kind.SCHEDULED,
						due, issue.getSendTime(), issue.getTitle(), issue.getId(), issue.getSeriesId()));
			}
		}
		for (Issue issue : this.issues.withStatus(IssueStatus.PAUSED)) {
			if (issue.getResumeAt() != null && !issue.getResumeAt().isAfter(until)) {
				entries.add(new CalendarEntry(CalendarEntry.Kind.RESUMING, issue.getResumeAt(), null, issue.getTitle(),
						issue.getId(), issue.getSeriesId()));
			}
		}
		for (Issue issue : this.issues.awaitingApproval()) {
			madeIssues.add(issue.getId());
			SendTime wished = issue.getWishedSendTime();
			if (wished != null && !wished.instant().isAfter(until)) {
				entries.add(new CalendarEntry(CalendarEntry.Kind.AWAITING_APPROVAL, wished.instant(), wished,
						issue.getTitle(), issue.getId(), issue.getSeriesId()));
			}
		}
		for (Series one : this.series.all()) {
			for (SendTime occurrence : this.series.upcoming(one, 400)) {
				if (occurrence.instant().isAfter(until)) {
					break;
				}
				String issueId = SeriesManagement.occurrenceIssueId(one.getId(), occurrence);
				if (!madeIssues.contains(issueId)) {
					entries.add(new CalendarEntry(CalendarEntry.Kind.SERIES_OCCURRENCE, occurrence.instant(), occurrence,
							one.getName(), null, one.getId()));
				}
			}
		}
		entries.sort(Comparator.comparing(CalendarEntry::at));
		return entries;
	}

	/** Drafts submitted for approval and not reviewed yet, with or without a wished time, oldest first. */
	public List<Issue> awaitingApproval() {
		return this.issues.awaitingApproval();
	}

	/** Issues whose time passed while the application was down: the coordinator decides. */
	public List<Issue> missed() {
		return this.issues.withStatus(IssueStatus.MISSED);
	}

}

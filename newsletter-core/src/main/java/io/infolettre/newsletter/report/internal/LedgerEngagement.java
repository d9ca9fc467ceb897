package io.infolettre.newsletter.report.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.report.Engagement;
import io.infolettre.newsletter.report.EngagementRow;
import io.infolettre.newsletter.report.InactiveSubscriber;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.tracking.TrackingMode;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Engagement from the ledger: each entry knows whether its recipient read the message
 * ({@code openedAt}) or clicked ({@code clickedAt}). The history of one subscriber is one query on the
 * ledger by subscriber (no index of its own: a send would pay for it on every entry; a real MongoDB
 * can be given one). The inactive subscribers are found by walking the last issues' ledgers a page
 * at a time.
 */
@Service
class LedgerEngagement implements Engagement {

	private static final int HISTORY_LIMIT = 500;

	private final MongoTemplate mongo;

	private final LedgerPages ledger;

	private final SubscriberPages subscribers;

	private final IssueManagement issues;

	private final boolean individual;

	LedgerEngagement(MongoTemplate mongo, LedgerPages ledger, SubscriberPages subscribers, IssueManagement issues,
			TrackingSettings tracking) {
		this.mongo = mongo;
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.issues = issues;
		this.individual = tracking.mode() == TrackingMode.INDIVIDUAL;
	}

	@Override
	public boolean available() {
		return this.individual;
	}

	@Override
	public List<EngagementRow> history(String subscriberId) {
		if (!this.individual) {
			return List.of();
		}
		var query = Query.query(Criteria.where("subscriberId").is(subscriberId)).limit(HISTORY_LIMIT);
		query.fields().include("issueId", "status", "sentAt", "openedAt", "clickedAt");
		List<EngagementRow> rows = new ArrayList<>();
		Map<String, String> titles = new HashMap<>();
		for (Document entry : this.mongo.find(query, Document.class, Delivery.COLLECTION)) {
			String issueId = entry.getString("issueId");
			String title = titles.computeIfAbsent(issueId,
					id -> this.issues.find(id).map(Issue::getTitle).orElse(id));
			rows.add(new EngagementRow(issueId, title, instant(entry, "sentAt"),
					DeliveryStatus.valueOf(entry.getString("status")), instant(entry, "openedAt"),
					instant(entry, "clickedAt")));
		}
		rows.sort(Comparator.comparing(EngagementRow::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
			.reversed());
		return rows;
	}

	@Override
	public List<InactiveSubscriber> inactiveFor(int count) {
		if (!this.individual || count < 1) {
			return List.of();
		}
		List<Issue> last = lastSent(count);
		if (last.size() < count) {
			return List.of(); // fewer issues sent than asked: nobody has been inactive that long
		}
		// per subscriber: issues received, issues read or clicked
		Map<String, int[]> seen = new HashMap<>();
		for (Issue issue : last) {
			this.ledger.forEachPage(issue.getId(), List.of("subscriberId", "status", "openedAt", "clickedAt"),
					page -> page.forEach(entry -> {
						if (DeliveryStatus.SENT.name().equals(entry.getString("status"))) {
							int[] counts = seen.computeIfAbsent(entry.getString("subscriberId"), id -> new int[2]);
							counts[0]++;
							counts[1] += entry.containsKey("openedAt") || entry.containsKey("clickedAt") ? 1 : 0;
						}
					}));
		}
		List<String> inactive = seen.entrySet()
			.stream()
			.filter(e -> e.getValue()[0] == count && e.getValue()[1] == 0)
			.map(Map.Entry::getKey)
			.toList();
		List<InactiveSubscriber> result = new ArrayList<>();
		for (int from = 0; from < inactive.size(); from += 1000) {
			this.subscribers.byId(inactive.subList(from, Math.min(inactive.size(), from + 1000)))
				.values()
				.stream()
				.filter(s -> s.getStatus() == SubscriberStatus.ACTIVE)
				.forEach(s -> result.add(new InactiveSubscriber(s.getId(), s.getEmail().value(), s.getFullName(),
						s.getCompany(), count)));
		}
		result.sort(Comparator.comparing(InactiveSubscriber::email));
		return result;
	}

	private List<Issue> lastSent(int count) {
		return this.issues.withStatus(IssueStatus.SENT)
			.stream()
			.filter(issue -> issue.getSentAt() != null)
			.sorted(Comparator.comparing(Issue::getSentAt).reversed())
			.limit(count)
			.toList();
	}

	private static Instant instant(Document entry, String field) {
		Date date = entry.getDate(field);
		return date == null ? null : date.toInstant();
	}

}

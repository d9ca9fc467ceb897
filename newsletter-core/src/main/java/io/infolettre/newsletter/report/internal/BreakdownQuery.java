package io.infolettre.newsletter.report.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.report.Breakdown;
import io.infolettre.newsletter.report.BreakdownRow;
import io.infolettre.newsletter.report.IssueStatistics;
import io.infolettre.newsletter.subscriber.Subscriber;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * An issue's figures by subscriber attribute. Computed by one pass over the ledger (a page of exact
 * ids at a time) with the page's subscribers read by id, then kept ({@code report_breakdowns}) until
 * the issue's counters move, and even then reused for a minute: during the first wave of opens a
 * page that is reloaded does not walk the ledger each time.
 * <p>
 * Why not counters kept per value as opens arrive: they would make the open writer read the
 * subscribers of every batch (a query per batch on the pixel's path), and the recipients per value
 * would still need a pass over the ledger. Why not the attributes copied into each ledger entry when
 * the recipients are frozen: the freeze would carry them for every recipient of every issue (the
 * send's hottest writes), and an attribute corrected later would stay wrong in every past issue.
 * The breakdown is the one report that reads subscribers; the figures at the top never do.
 */
@Component
class BreakdownQuery {

	static final String COLLECTION = "report_breakdowns";

	private static final Duration REUSE = Duration.ofMinutes(1);

	private final MongoTemplate mongo;

	private final LedgerPages ledger;

	private final SubscriberPages subscribers;

	private final Clock clock;

	BreakdownQuery(MongoTemplate mongo, LedgerPages ledger, SubscriberPages subscribers, Clock clock) {
		this.mongo = mongo;
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	List<BreakdownRow> breakdown(String issueId, Breakdown by, long sent, IssueStatistics stats) {
		String key = "b:" + issueId + ":" + by.name();
		String version = sent + "/" + stats.read() + "/" + stats.clicked();
		Instant now = this.clock.instant();
		Document cached = this.mongo.findById(key, Document.class, COLLECTION);
		if (cached != null && (version.equals(cached.getString("version"))
				|| cached.getDate("computedAt").toInstant().plus(REUSE).isAfter(now))) {
			return cached.getList("rows", Document.class)
				.stream()
				.map(row -> new BreakdownRow(row.getString("value"), row.getLong("recipients"), row.getLong("sent"),
						row.getLong("read"), row.getLong("clicked")))
				.toList();
		}
		List<BreakdownRow> rows = compute(issueId, by);
		this.mongo.save(new Document("_id", key).append("version", version)
			.append("computedAt", Date.from(now))
			.append("rows", rows.stream()
				.map(row -> new Document("value", row.value()).append("recipients", row.recipients())
					.append("sent", row.sent())
					.append("read", row.read())
					.append("clicked", row.clicked()))
				.toList()), COLLECTION);
		return rows;
	}

	void forget(String issueId) {
		for (Breakdown by : Breakdown.values()) {
			this.mongo.remove(Query.query(Criteria.where("_id").is("b:" + issueId + ":" + by.name())), COLLECTION);
		}
	}

	private List<BreakdownRow> compute(String issueId, Breakdown by) {
		Map<String, long[]> counts = new HashMap<>();
		this.ledger.forEachPage(issueId, List.of("subscriberId", "status", "openedAt", "clickedAt"), page -> {
			Map<String, Subscriber> members = this.subscribers
				.byId(page.stream().map(entry -> entry.getString("subscriberId")).filter(Objects::nonNull).toList());
			for (Document entry : page) {
				String value = valueOf(members.get(entry.getString("subscriberId")), by);
				long[] row = counts.computeIfAbsent(value, v -> new long[4]);
				row[0]++;
				row[1] += DeliveryStatus.SENT.name().equals(entry.getString("status")) ? 1 : 0;
				row[2] += entry.containsKey("openedAt") ? 1 : 0;
				row[3] += entry.containsKey("clickedAt") ? 1 : 0;
			}
		});
		List<BreakdownRow> rows = new ArrayList<>();
		counts.forEach((value, row) -> rows.add(new BreakdownRow(value, row[0], row[1], row[2], row[3])));
		rows.sort(Comparator.comparingLong(BreakdownRow::recipients).reversed().thenComparing(BreakdownRow::value));
		return rows;
	}

	static String valueOf(Subscriber subscriber, Breakdown by) {
		if (subscriber == null) {
			return "";
		}
		Object value = switch (by) {
			case SECTOR -> subscriber.getAttributes().get("secteur");
			case TERRITORY -> subscriber.getAttributes().get("territoire");
			case LANGUAGE -> subscriber.getLanguage();
			case COMPANY -> subscriber.getCompany();
		};
		return value == null ? "" : value.toString().strip();
	}

}

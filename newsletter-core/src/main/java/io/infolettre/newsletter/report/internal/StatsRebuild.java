package io.infolettre.newsletter.report.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.FirstResponse.Kind;
import io.infolettre.newsletter.engagement.TrackingBatch;
import io.infolettre.newsletter.report.IssueStatistics;
import io.infolettre.newsletter.tracking.OpenClass;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Recomputes an issue's report counters from the ledger (the firsts each entry holds: {@code seenAt}
 * with {@code seenAs}, {@code openedAt} with {@code readByClick}, {@code clickedAt},
 * {@code clickedLinks}, and its {@code bounce}) and the raw events ({@code open_events}, for the
 * counts by class and the clicks per link). It builds the very batches the live path counts, so both
 * add up the same way. Events are streamed, a few buckets at a time.
 */
@Component
class StatsRebuild {

	private static final String EVENTS = "open_events";

	private static final int BUCKETS = 20;

	private final MongoTemplate mongo;

	private final LedgerPages ledger;

	private final StatsStore stats;

	private final Clock clock;

	StatsRebuild(MongoTemplate mongo, LedgerPages ledger, StatsStore stats, Clock clock) {
		this.mongo = mongo;
		this.ledger = ledger;
		this.stats = stats;
		this.clock = clock;
	}

	IssueStatistics rebuild(String issueId) {
		var counters = new StatsStore.Counters();
		this.ledger.forEachPage(issueId, List.of("seenAt", "seenAs", "openedAt", "readByClick", "clickedAt",
				"clickedLinks", "bounce"), page -> page.forEach(entry -> counters.addAll(firsts(issueId, entry))));
		forEachEvent(issueId, events -> counters.addAll(StatsStore.count(new TrackingBatch(issueId, events, List.of()))));
		this.stats.replace(issueId, counters, this.clock.instant());
		return this.stats.read(issueId);
	}

	private static StatsStore.Counters firsts(String issueId, Document entry) {
		String id = entry.getString("_id");
		String recipient = null; // counting needs no recipient: the ledger page leaves it out
		List<FirstResponse> firsts = new ArrayList<>();
		if (entry.getDate("seenAt") != null) {
			String seenAs = entry.getString("seenAs");
			firsts.add(new FirstResponse(id, recipient, Kind.SEEN, entry.getDate("seenAt").toInstant(),
					seenAs == null ? OpenClass.HUMAN : OpenClass.valueOf(seenAs), null));
		}
		if (entry.getDate("openedAt") != null) {
			// the link itself does not matter here, only that a click made it
			firsts.add(new FirstResponse(id, recipient, Kind.READ, entry.getDate("openedAt").toInstant(), OpenClass.HUMAN,
					Boolean.TRUE.equals(entry.getBoolean("readByClick")) ? 0 : null));
		}
		if (entry.getDate("clickedAt") != null) {
			firsts.add(new FirstResponse(id, recipient, Kind.CLICK, entry.getDate("clickedAt").toInstant(), OpenClass.HUMAN, null));
		}
		StatsStore.sub(entry, "clickedLinks").forEach((key, at) -> firsts.add(new FirstResponse(id, recipient, Kind.LINK,
				((Date) at).toInstant(), OpenClass.HUMAN, Integer.parseUnsignedInt(key, 16))));
		var counters = StatsStore.count(new TrackingBatch(issueId, List.of(), firsts));
		if (entry.get("bounce") instanceof Document bounce && bounce.getString("type") != null) {
			counters.add(StatsStore.bounce(BounceReport.Type.valueOf(bounce.getString("type"))), 1);
		}
		return counters;
	}

	// one query, streamed: the embedded server scans the buckets once (a sort with a limit would scan
	// them again for every few buckets)
	private void forEachEvent(String issueId, Consumer<List<TrackingBatch.Event>> action) {
		var query = Query.query(Criteria.where("issueId").is(issueId)).cursorBatchSize(BUCKETS);
		query.fields().include("events");
		try (var buckets = this.mongo.stream(query, Document.class, EVENTS)) {
			buckets.forEach(bucket -> {
				List<TrackingBatch.Event> events = new ArrayList<>();
				for (Document event : bucket.getList("events", Document.class)) {
					Number link = event.get("l", Number.class);
					events.add(new TrackingBatch.Event(event.getDate("t").toInstant(), OpenClass.valueOf(event.getString("c")),
							"CLICK".equals(event.getString("k")) && link != null ? link.intValue() : null));
				}
				action.accept(events);
			});
		}
	}

}

package io.infolettre.newsletter.engagement.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.FirstResponse.Kind;
import io.infolettre.newsletter.delivery.ResponseCounts;
import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.engagement.TrackingBatch;
import io.infolettre.newsletter.engagement.TrackingListener;
import io.infolettre.newsletter.engagement.internal.RememberedEntries.Known;
import io.infolettre.newsletter.tracking.OpenClass;
import io.infolettre.newsletter.tracking.OpenClassifier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Writes one batch of opens and clicks, issue by issue:
 * <ul>
 * <li>the batch's ledger entries are read by exact ids (their send time, their firsts), unless
 * remembered;</li>
 * <li>each open is classified ({@link OpenClassifier}) and kept, with its time, class and the user
 * agent's family (never the address), in one document per issue and batch ({@code open_events}: a
 * bucket, so that a million opens are a thousand writes);</li>
 * <li>an entry's firsts (seen, read, clicked, each link clicked) are set once on the ledger, and the
 * issue's counters move in one update per issue;</li>
 * <li>the {@link TrackingListener}s (the reports) learn what the batch added, once per issue;</li>
 * <li>in ANONYMOUS tracking mode, opens and clicks are only counted: no event names its delivery and
 * no entry learns it was read.</li>
 * </ul>
 */
final class OpenBatchWriter {

	static final String EVENTS = "open_events";

	private static final Logger log = LoggerFactory.getLogger(OpenBatchWriter.class);

	private final ResponseLedger ledger;

	private final MongoTemplate mongo;

	private final OpenClassifier classifier;

	private final boolean anonymous;

	private final List<TrackingListener> listeners;

	private final RememberedEntries entries;

	OpenBatchWriter(ResponseLedger ledger, MongoTemplate mongo, OpenClassifier classifier, boolean anonymous,
			List<TrackingListener> listeners) {
		this.ledger = ledger;
		this.mongo = mongo;
		this.classifier = classifier;
		this.anonymous = anonymous;
		this.listeners = List.copyOf(listeners);
		this.entries = new RememberedEntries(ledger);
	}

	void createIndexes() {
		this.mongo.indexOps(EVENTS).createIndex(new Index().on("issueId", Sort.Direction.ASC).named("events_issue"));
	}

	void write(List<Open> batch, SettlingClicks clicks) {
		long started = System.nanoTime();
		Map<String, Known> entries = this.entries.of(batch);
		long entriesRead = System.nanoTime();
		Map<String, IssueBatch> byIssue = new LinkedHashMap<>();
		for (Open open : batch) {
			Known entry = entries.get(open.deliveryId());
			if (entry == null) {
				continue; // a valid token of an entry that no longer exists (issue deleted)
			}
			OpenClass type = open.isClick() && clicks.isSweep(open) ? OpenClass.SCANNER
					: this.classifier.classify(open.byRequest(), entry.sentAt, open.at());
			byIssue.computeIfAbsent(open.issueId(), id -> new IssueBatch()).add(open, type, entry, this.anonymous);
		}
		long[] phases = new long[4];
		byIssue.forEach((issueId, issue) -> {
			long t0 = System.nanoTime();
			this.mongo.insert(new Document("issueId", issueId).append("from", issue.events.get(0).get("t"))
				.append("to", issue.events.get(issue.events.size() - 1).get("t"))
				.append("count", issue.events.size())
				.append("events", issue.events), EVENTS);
			long t1 = System.nanoTime();
			List<FirstResponse> firsts = this.ledger.markFirsts(issue.firsts.values());
			long t2 = System.nanoTime();
			// set now, here or by another instance before: either way for good
			issue.firsts.values().forEach(first -> entries.get(first.deliveryId()).learn(first));
			this.ledger.count(issueId, new ResponseCounts(issue.opens, issue.clicks, count(firsts, Kind.READ),
					count(firsts, Kind.CLICK)));
			long t3 = System.nanoTime();
			tell(new TrackingBatch(issueId, issue.recorded, firsts));
			phases[0] += t1 - t0;
			phases[1] += t2 - t1;
			phases[2] += t3 - t2;
			phases[3] += System.nanoTime() - t3;
		});
		if (log.isDebugEnabled()) {
			log.debug("Recorded {} opens in {} ms: ledger read {} ms, events {} ms, firsts {} ms, counters {} ms, listeners {} ms",
					batch.size(), ms(System.nanoTime() - started), ms(entriesRead - started), ms(phases[0]), ms(phases[1]),
					ms(phases[2]), ms(phases[3]));
		}
	}

	private static long count(List<FirstResponse> firsts, Kind kind) {
		return firsts.stream().filter(first -> first.kind() == kind).count();
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	// A listener's failure must not lose the batch, which is written: its counters can be rebuilt.
	private void tell(TrackingBatch batch) {
		for (TrackingListener listener : this.listeners) {
			try {
				listener.batchWritten(batch);
			}
			catch (RuntimeException ex) {
				log.warn("A tracking listener failed on a batch of issue {}: {}", batch.issueId(), ex.toString());
			}
		}
	}

	/** What one batch adds to one issue. */
	private static final class IssueBatch {

		final List<Document> events = new ArrayList<>();

		final List<TrackingBatch.Event> recorded = new ArrayList<>();

		final Map<OpenClass, Long> opens = new EnumMap<>(OpenClass.class);

		final Map<OpenClass, Long> clicks = new EnumMap<>(OpenClass.class);

		// by entry, kind and link: the batch's earliest
		final Map<String, FirstResponse> firsts = new LinkedHashMap<>();

		void add(Open open, OpenClass type, Known entry, boolean anonymous) {
			String deliveryId = open.deliveryId();
			Instant at = open.at();
			// anonymous: counted for the issue, tied to nobody
			var event = new Document(anonymous ? Map.of() : Map.of("d", deliveryId)).append("t", Date.from(at))
				.append("k", open.isClick() ? "CLICK" : "OPEN")
				.append("c", type.name())
				.append("a", open.family());
			if (open.isClick()) {
				event.append("l", open.link());
			}
			this.events.add(event);
			this.recorded.add(new TrackingBatch.Event(at, type, open.link()));
			(open.isClick() ? this.clicks : this.opens).merge(type, 1L, Long::sum);
			if (anonymous) {
				return;
			}
			if (!entry.seen) {
				first(new FirstResponse(deliveryId, entry.subscriberId, Kind.SEEN, at, type, open.link()));
			}
			if (type.isRead() && !entry.opened) {
				first(new FirstResponse(deliveryId, entry.subscriberId, Kind.READ, at, type, open.link()));
			}
			if (type.isRead() && open.isClick() && !entry.clicked) {
				first(new FirstResponse(deliveryId, entry.subscriberId, Kind.CLICK, at, type, open.link()));
			}
			if (type.isRead() && open.isClick() && !entry.links.contains(open.link())) {
				first(new FirstResponse(deliveryId, entry.subscriberId, Kind.LINK, at, type, open.link()));
			}
		}

		private void first(FirstResponse first) {
			this.firsts.merge(first.deliveryId() + first.kind() + (first.kind() == Kind.LINK ? first.link() : ""),
					first, (a, b) -> b.at().isBefore(a.at()) ? b : a);
		}

	}

}

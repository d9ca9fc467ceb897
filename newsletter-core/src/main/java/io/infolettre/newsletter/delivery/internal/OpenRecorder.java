package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.tracking.OpenClass;
import io.infolettre.newsletter.tracking.OpenClassifier;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records opens without slowing the pixel: a request only queues its open; one thread writes the
 * queue at least every {@code flush-interval}, a batch at a time:
 * <ul>
 * <li>the batch's ledger entries are read by exact ids (their send time, their first open);</li>
 * <li>each open is classified ({@link OpenClassifier}) and kept, with its time, class and the user
 * agent's family (never the address), in one document per issue and batch ({@code open_events}: a
 * bucket, so that a million opens are a thousand writes);</li>
 * <li>an entry's first open that says a person read it sets its {@code openedAt}, once (conditional
 * update), and the issue's counters move in one update per issue.</li>
 * </ul>
 * A stop writes what is queued before the database closes; a crash loses at most the last interval's
 * opens. The queue is bounded: past it, an open is dropped and counted rather than slowing the pixel.
 */
@Component
public class OpenRecorder implements SmartLifecycle {

	static final String EVENTS = "open_events";

	private static final Logger log = LoggerFactory.getLogger(OpenRecorder.class);

	private static final int CAPACITY = 100_000;

	private static final int BATCH = 5_000;

	private final MongoTemplate mongo;

	private final OpenClassifier classifier;

	private final Duration interval;

	private final Clock clock;

	private final BlockingQueue<Open> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	private volatile boolean running;

	private Thread writer;

	OpenRecorder(MongoTemplate mongo, TrackingSettings settings, Clock clock) {
		this.mongo = mongo;
		this.classifier = new OpenClassifier(settings.scannerWindow());
		this.interval = settings.flushInterval();
		this.clock = clock;
	}

	/** Queues an open of a delivery (whose token was verified); never waits on the database. */
	public void record(String deliveryId, String userAgent, String address) {
		if (!LedgerKeys.isValid(deliveryId)) {
			return;
		}
		var open = new Open(deliveryId, this.clock.instant(), userAgent, address);
		if (!this.queue.offer(open) && this.dropped.incrementAndGet() % 1000 == 1) {
			log.warn("Open queue full: {} opens dropped so far", this.dropped.get());
		}
	}

	/** Opens dropped because the queue was full, since start. */
	public long dropped() {
		return this.dropped.get();
	}

	/** Writes everything queued now; for tests and the stop. */
	public synchronized void flush() {
		List<Open> batch = new ArrayList<>();
		while (this.queue.drainTo(batch, BATCH) > 0) {
			write(batch);
			batch.clear();
		}
	}

	private void writeLoop() {
		List<Open> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				Open first = this.queue.poll(this.interval.toMillis(), TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, BATCH - 1);
				writeWithRetries(batch);
				batch.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// The database may be away for a moment: the batch waits (new opens queue up meanwhile).
	private void writeWithRetries(List<Open> batch) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				synchronized (this) {
					write(batch);
				}
				return;
			}
			catch (RuntimeException ex) {
				if (attempt >= 5) {
					log.error("Cannot record {} opens: dropped", batch.size(), ex);
					this.dropped.addAndGet(batch.size());
					return;
				}
				log.warn("Cannot record {} opens yet ({}); trying again", batch.size(), ex.toString());
				Thread.sleep(200L * attempt);
			}
		}
	}

	private void write(List<Open> batch) {
		Map<String, Document> entries = entries(batch);
		Map<String, List<Document>> eventsByIssue = new LinkedHashMap<>();
		Map<String, Map<String, Long>> classesByIssue = new HashMap<>();
		Map<String, Instant> firstReads = new HashMap<>();
		for (Open open : batch) {
			Document entry = entries.get(open.deliveryId());
			if (entry == null) {
				continue; // a valid token of an entry that no longer exists (issue deleted)
			}
			Date sentAt = entry.getDate("sentAt");
			OpenClass type = this.classifier.classify(open.userAgent(), open.address(),
					sentAt == null ? null : sentAt.toInstant(), open.at());
			String issueId = LedgerKeys.issueOf(open.deliveryId());
			eventsByIssue.computeIfAbsent(issueId, id -> new ArrayList<>())
				.add(new Document("d", open.deliveryId()).append("t", Date.from(open.at()))
					.append("c", type.name())
					.append("a", OpenClassifier.family(open.userAgent())));
			classesByIssue.computeIfAbsent(issueId, id -> new HashMap<>()).merge(type.name(), 1L, Long::sum);
			if (type.isRead() && !entry.containsKey("openedAt")) {
				firstReads.merge(open.deliveryId(), open.at(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		eventsByIssue.forEach((issueId, events) -> {
			this.mongo.insert(new Document("issueId", issueId).append("from", events.get(0).get("t"))
				.append("to", events.get(events.size() - 1).get("t"))
				.append("count", events.size())
				.append("events", events), EVENTS);
			var counters = new Update().inc("openEvents", events.size());
			classesByIssue.get(issueId).forEach((type, count) -> counters.inc("openClasses." + type, count));
			long read = markFirstReads(issueId, firstReads);
			if (read > 0) {
				counters.inc("opened", read);
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(issueId)), counters, DeliveryStore.HEADS);
		});
	}

	private Map<String, Document> entries(List<Open> batch) {
		List<String> ids = batch.stream().map(Open::deliveryId).distinct().toList();
		var query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("sentAt", "openedAt");
		Map<String, Document> entries = new HashMap<>();
		for (Document entry : this.mongo.find(query, Document.class, Delivery.COLLECTION)) {
			entries.put(entry.getString("_id"), entry);
		}
		return entries;
	}

	// Conditional: a first read already set (by another instance, or an earlier batch) stays.
	private long markFirstReads(String issueId, Map<String, Instant> firstReads) {
		var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
				Delivery.COLLECTION);
		int updates = 0;
		for (var read : firstReads.entrySet()) {
			if (LedgerKeys.issueOf(read.getKey()).equals(issueId)) {
				bulk.updateOne(Query.query(Criteria.where("_id").is(read.getKey()).and("openedAt").exists(false)),
						new Update().set("openedAt", read.getValue()));
				updates++;
			}
		}
		return updates == 0 ? 0 : bulk.execute().getModifiedCount();
	}

	@Override
	public void start() {
		this.running = true;
		this.writer = new Thread(this::writeLoop, "open-recorder");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.writer != null) {
			try {
				this.writer.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Stops after the web server (which finishes its requests first), before the database client closes.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	record Open(String deliveryId, Instant at, String userAgent, String address) {
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.TrackingBatch;
import io.infolettre.newsletter.delivery.TrackingBatch.First;
import io.infolettre.newsletter.delivery.TrackingBatch.First.Kind;
import io.infolettre.newsletter.delivery.TrackingListener;
import io.infolettre.newsletter.tracking.OpenClass;
import io.infolettre.newsletter.tracking.OpenClassifier;
import io.infolettre.newsletter.tracking.TrackingMode;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Records opens without slowing the pixel: a request only queues its open; one thread writes the
 * queue at least every {@code flush-interval}, a batch at a time:
 * <ul>
 * <li>the batch's ledger entries are read by exact ids (their send time, their first open);</li>
 * <li>each open is classified ({@link OpenClassifier}) and kept, with its time, class and the user
 * agent's family (never the address), in one document per issue and batch ({@code open_events}: a
 * bucket, so that a million opens are a thousand writes);</li>
 * <li>an entry's first open that says a person read it sets its {@code openedAt}, once (conditional
 * update), and the issue's counters move in one update per issue; so do its first event of any class
 * ({@code seenAt}, with its class in {@code seenAs}), its first click by a person ({@code clickedAt})
 * and its first click by a person on each link ({@code clickedLinks.<key>});</li>
 * <li>the {@link TrackingListener}s (the reports) learn what the batch added, once per issue.</li>
 * <li>in ANONYMOUS tracking mode, opens and clicks are only counted: no event names its delivery and
 * no entry learns it was read.</li>
 * </ul>
 * A stop writes what is queued before the database closes; a crash loses at most the last interval's
 * opens. The queue is bounded: past it, an open is dropped and counted rather than slowing the pixel.
 */
@Component
public class OpenRecorder implements SmartLifecycle {

	static final String EVENTS = "open_events";

	static final String CLICKED_LINKS = "clickedLinks";

	private static final Logger log = LoggerFactory.getLogger(OpenRecorder.class);

	// about 40 bytes an open (an issue id shared by its opens, a sequence, a time): 40 MB at most
	private static final int CAPACITY = 1_000_000;

	private static final int BATCH = 5_000;

	private static final int KNOWN_ENTRIES = 100_000;

	private static final int SWEEP_LINKS = 3;

	private static final Duration SWEEP_SPAN = Duration.ofSeconds(1);

	private final MongoTemplate mongo;

	private final OpenClassifier classifier;

	private final Duration interval;

	private final boolean anonymous;

	private final Clock clock;

	private final List<TrackingListener> listeners;

	private final BlockingQueue<Open> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	// one string per issue for all its queued opens (a few hundred issues in years)
	private final Map<String, String> issueIds = new ConcurrentHashMap<>();

	// the writer's: clicks not written yet, and the clicks of the last moments (written or not)
	private final List<Open> settling = new ArrayList<>();

	private final List<Open> recentClicks = new ArrayList<>();

	// the writer's too (under this object's lock): the entries seen lately, least recently used out first
	private final Map<String, Known> known = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
			return size() > KNOWN_ENTRIES;
		}

	};

	private volatile boolean running;

	private Thread writer;

	OpenRecorder(MongoTemplate mongo, TrackingSettings settings, Clock clock) {
		this(mongo, settings, clock, List.of());
	}

	@Autowired
	OpenRecorder(MongoTemplate mongo, TrackingSettings settings, Clock clock, List<TrackingListener> listeners) {
		this.listeners = List.copyOf(listeners);
		this.mongo = mongo;
		this.classifier = new OpenClassifier(settings.scannerWindow());
		this.interval = settings.flushInterval();
		this.anonymous = settings.mode() == TrackingMode.ANONYMOUS;
		this.clock = clock;
	}

	/** The report's rebuild and a subscriber's data export read one issue's event buckets. */
	@PostConstruct
	void createIndexes() {
		this.mongo.indexOps(EVENTS).createIndex(new Index().on("issueId", Sort.Direction.ASC).named("events_issue"));
	}

	/** Queues an open of a delivery (whose token was verified); never waits on the database. */
	public void record(String deliveryId, String userAgent, String address) {
		queue(deliveryId, null, userAgent, address);
	}

	/** Queues a click on one of the issue's links (a click implies an open). */
	public void recordClick(String deliveryId, int linkKey, String userAgent, String address) {
		queue(deliveryId, linkKey, userAgent, address);
	}

	private void queue(String deliveryId, Integer link, String userAgent, String address) {
		if (!LedgerKeys.isValid(deliveryId)) {
			return;
		}
		// only what the writer needs waits in the queue: the class the request gives, the agent's family
		String issueId = this.issueIds.computeIfAbsent(LedgerKeys.issueOf(deliveryId), id -> id);
		var open = new Open(issueId, (int) LedgerKeys.sequenceOf(deliveryId), this.clock.millis(),
				OpenClassifier.byRequest(userAgent, address), OpenClassifier.family(userAgent), link);
		if (!this.queue.offer(open) && this.dropped.incrementAndGet() % 1000 == 1) {
			log.warn("Open queue full: {} opens and clicks dropped so far", this.dropped.get());
		}
	}

	/** Opens dropped because the queue was full, since start. */
	public long dropped() {
		return this.dropped.get();
	}

	/** Writes everything queued now, clicks still settling included; for tests and the stop. */
	public synchronized void flush() {
		List<Open> batch = new ArrayList<>();
		this.queue.drainTo(batch);
		batch.stream().filter(open -> open.link() != null).forEach(this.recentClicks::add);
		batch.addAll(this.settling);
		this.settling.clear();
		for (int from = 0; from < batch.size(); from += BATCH) {
			write(batch.subList(from, Math.min(batch.size(), from + BATCH)));
		}
	}

	// The queue is drained and written under this object's lock, so that a flush (a stop, a test) never
	// misses a batch the writer has taken but not written yet.
	private void writeLoop() {
		while (this.running || !this.queue.isEmpty()) {
			try {
				int taken;
				synchronized (this) {
					taken = writeQueued();
				}
				// a full batch means more is waiting; otherwise a pause lets the next batch fill up
				if (taken < BATCH) {
					Thread.sleep(this.interval.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** @return how many events were taken from the queue */
	private int writeQueued() throws InterruptedException {
		List<Open> batch = new ArrayList<>();
		this.queue.drainTo(batch, BATCH);
		List<Open> ripe = ripe(batch);
		if (!ripe.isEmpty()) {
			writeWithRetries(ripe);
		}
		return batch.size();
	}

	// Clicks wait SWEEP_SPAN before they are written, so that a machine following every link of a
	// message within a second is seen whole; opens go at once.
	private List<Open> ripe(List<Open> batch) {
		Instant now = this.clock.instant();
		List<Open> ripe = new ArrayList<>();
		for (Open open : batch) {
			if (open.link() == null) {
				ripe.add(open);
			}
			else {
				this.settling.add(open);
				this.recentClicks.add(open);
			}
		}
		this.settling.removeIf(click -> {
			boolean settled = !click.at().plus(SWEEP_SPAN).isAfter(now);
			if (settled) {
				ripe.add(click);
			}
			return settled;
		});
		this.recentClicks.removeIf(click -> click.at().plus(SWEEP_SPAN.multipliedBy(2)).isBefore(now));
		return ripe;
	}

	// The database may be away for a moment: the batch waits (new opens queue up meanwhile).
	private void writeWithRetries(List<Open> batch) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				write(batch);
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
		long started = System.nanoTime();
		Map<String, Known> entries = entries(batch);
		long entriesRead = System.nanoTime();
		Map<String, IssueBatch> byIssue = new LinkedHashMap<>();
		for (Open open : batch) {
			String deliveryId = open.deliveryId();
			Instant at = open.at();
			Known entry = entries.get(deliveryId);
			if (entry == null) {
				continue; // a valid token of an entry that no longer exists (issue deleted)
			}
			OpenClass type = open.link() != null && isSweep(open) ? OpenClass.SCANNER
					: this.classifier.classify(open.byRequest(), entry.sentAt, at);
			var issue = byIssue.computeIfAbsent(open.issueId(), id -> new IssueBatch());
			// anonymous: counted for the issue, tied to nobody
			var event = new Document(this.anonymous ? Map.of() : Map.of("d", deliveryId))
				.append("t", Date.from(at))
				.append("k", open.link() == null ? "OPEN" : "CLICK")
				.append("c", type.name())
				.append("a", open.family());
			if (open.link() != null) {
				event.append("l", open.link());
			}
			issue.events.add(event);
			issue.recorded.add(new TrackingBatch.Event(at, type, open.link()));
			issue.count((open.link() == null ? "openClasses." : "clickClasses.") + type.name());
			issue.count(open.link() == null ? "openEvents" : "clickEvents");
			if (!this.anonymous) {
				if (!entry.seen) {
					issue.first(new First(deliveryId, entry.subscriberId, Kind.SEEN, at, type, open.link()));
				}
				if (type.isRead() && !entry.opened) {
					issue.first(new First(deliveryId, entry.subscriberId, Kind.READ, at, type, open.link()));
				}
				if (type.isRead() && open.link() != null && !entry.clicked) {
					issue.first(new First(deliveryId, entry.subscriberId, Kind.CLICK, at, type, open.link()));
				}
				if (type.isRead() && open.link() != null && !entry.links.contains(open.link())) {
					issue.first(new First(deliveryId, entry.subscriberId, Kind.LINK, at, type, open.link()));
				}
			}
		}
		long[] phases = new long[4];
		byIssue.forEach((issueId, issue) -> {
			long t0 = System.nanoTime();
			this.mongo.insert(new Document("issueId", issueId).append("from", issue.events.get(0).get("t"))
				.append("to", issue.events.get(issue.events.size() - 1).get("t"))
				.append("count", issue.events.size())
				.append("events", issue.events), EVENTS);
			var counters = new Update();
			issue.counts.forEach(counters::inc);
			long t1 = System.nanoTime();
			List<First> firsts = markFirsts(issue.firsts.values());
			long t2 = System.nanoTime();
			long read = firsts.stream().filter(first -> first.kind() == Kind.READ).count();
			long clicked = firsts.stream().filter(first -> first.kind() == Kind.CLICK).count();
			// set now, here or by another instance before: either way for good
			issue.firsts.values().forEach(first -> entries.get(first.deliveryId()).learn(first));
			if (read > 0) {
				counters.inc("opened", read);
			}
			if (clicked > 0) {
				counters.inc("clicked", clicked);
			}
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(issueId)), counters, DeliveryStore.HEADS);
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

	// A click among clicks on SWEEP_LINKS different links of one message within SWEEP_SPAN was a
	// machine's (a scanner following every link), not a reader's.
	private boolean isSweep(Open click) {
		Set<Integer> links = new HashSet<>();
		for (Open other : this.recentClicks) {
			if (other.sequence() == click.sequence() && other.issueId().equals(click.issueId())
					&& Duration.between(other.at(), click.at()).abs().compareTo(SWEEP_SPAN) <= 0) {
				links.add(other.link());
			}
		}
		return links.size() >= SWEEP_LINKS;
	}

	/** What one batch adds to one issue. */
	private static final class IssueBatch {

		final List<Document> events = new ArrayList<>();

		final List<TrackingBatch.Event> recorded = new ArrayList<>();

		final Map<String, Long> counts = new HashMap<>();

		// by entry, kind and link: the batch's earliest
		final Map<String, First> firsts = new LinkedHashMap<>();

		void count(String counter) {
			this.counts.merge(counter, 1L, Long::sum);
		}

		void first(First first) {
			this.firsts.merge(first.deliveryId() + first.kind() + (first.kind() == Kind.LINK ? first.link() : ""),
					first, (a, b) -> b.at().isBefore(a.at()) ? b : a);
		}

	}

	// Only the entries not remembered yet are read: during a wave of opens, most are.
	private Map<String, Known> entries(List<Open> batch) {
		Map<String, Known> entries = new HashMap<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (Open open : batch) {
			String deliveryId = open.deliveryId();
			Known known = this.known.get(deliveryId);
			if (known != null) {
				entries.put(deliveryId, known);
			}
			else {
				unknown.add(deliveryId);
			}
		}
		if (unknown.isEmpty()) {
			return entries;
		}
		var query = Query.query(Criteria.where("_id").in(unknown));
		query.fields().include("subscriberId", "sentAt", "openedAt", "clickedAt", "seenAt", CLICKED_LINKS);
		for (Document document : this.mongo.find(query, Document.class, Delivery.COLLECTION)) {
			Date sentAt = document.getDate("sentAt");
			var known = new Known(document.getString("subscriberId"), sentAt == null ? null : sentAt.toInstant(),
					document.containsKey("openedAt"), document.containsKey("clickedAt"));
			known.seen = document.containsKey("seenAt");
			if (document.get(CLICKED_LINKS) instanceof Document links) {
				links.keySet().forEach(link -> known.links.add(Integer.parseUnsignedInt(link, 16)));
			}
			this.known.put(document.getString("_id"), known);
			entries.put(document.getString("_id"), known);
		}
		return entries;
	}

	/**
	 * Conditional: a first already set (by another instance, an earlier batch) stays. One update per
	 * entry sets all of its firsts at once (its first open is usually also its first read), one bulk
	 * write for the batch. When some did not take (rare: another instance was first for one of them),
	 * the entries are read again: an entry's update set all its firsts or none, and those of the entries
	 * it did not take are tried again one by one, so that each first is told to the listeners exactly
	 * once.
	 * @return the firsts this batch set
	 */
	private List<First> markFirsts(Collection<First> firsts) {
		if (firsts.isEmpty()) {
			return List.of();
		}
		Map<String, List<First>> byEntry = new LinkedHashMap<>();
		firsts.forEach(first -> byEntry.computeIfAbsent(first.deliveryId(), id -> new ArrayList<>()).add(first));
		if (setOnce(byEntry.values()) == byEntry.size()) {
			return List.copyOf(firsts);
		}
		List<First> taken = new ArrayList<>();
		List<List<First>> oneByOne = new ArrayList<>();
		Map<String, Document> stored = stored(byEntry.keySet());
		byEntry.values().forEach(group -> {
			if (isStored(stored, group.get(0))) {
				taken.addAll(group);
			}
			else {
				group.stream().filter(first -> valueOf(stored, first) == null).forEach(first -> oneByOne.add(List.of(first)));
			}
		});
		if (!oneByOne.isEmpty()) {
			setOnce(oneByOne);
			Map<String, Document> again = stored(oneByOne.stream().map(one -> one.get(0).deliveryId()).toList());
			oneByOne.stream().map(one -> one.get(0)).filter(first -> isStored(again, first)).forEach(taken::add);
		}
		return taken;
	}

	/** One conditional update per group (the firsts of one entry): @return how many took */
	private long setOnce(Collection<List<First>> groups) {
		var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.COLLECTION);
		for (List<First> group : groups) {
			var criteria = Criteria.where("_id").is(group.get(0).deliveryId());
			var update = new Update();
			for (First first : group) {
				String field = fieldOf(first);
				criteria.and(field).exists(false);
				update.set(field, first.at());
				if (first.kind() == Kind.SEEN) {
					update.set("seenAs", first.type().name());
				}
				if (first.kind() == Kind.READ && first.link() != null) {
					update.set("readByClick", true);
				}
			}
			bulk.updateOne(Query.query(criteria), update);
		}
		return bulk.execute().getModifiedCount();
	}

	private Map<String, Document> stored(Collection<String> deliveryIds) {
		Map<String, Document> stored = new HashMap<>();
		var query = Query.query(Criteria.where("_id").in(deliveryIds));
		query.fields().include("seenAt", "openedAt", "clickedAt", CLICKED_LINKS);
		this.mongo.find(query, Document.class, Delivery.COLLECTION).forEach(d -> stored.put(d.getString("_id"), d));
		return stored;
	}

	private static Object valueOf(Map<String, Document> stored, First first) {
		Document entry = stored.get(first.deliveryId());
		return entry == null ? null : entry.getEmbedded(List.of(fieldOf(first).split("\\.")), Object.class);
	}

	private static boolean isStored(Map<String, Document> stored, First first) {
		return valueOf(stored, first) instanceof Date date && date.getTime() == first.at().toEpochMilli();
	}

	private static String fieldOf(First first) {
		return switch (first.kind()) {
			case SEEN -> "seenAt";
			case READ -> "openedAt";
			case CLICK -> "clickedAt";
			case LINK -> CLICKED_LINKS + "." + Integer.toHexString(first.link());
		};
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

	/**
	 * What the writer remembers of a ledger entry, so that a wave of opens does not read the ledger
	 * once each: its send time, and whether it was read or clicked (which, once true, stays true).
	 */
	private static final class Known {

		final String subscriberId;

		final Instant sentAt;

		boolean opened;

		boolean clicked;

		boolean seen;

		final Set<Integer> links = new HashSet<>(2);

		Known(String subscriberId, Instant sentAt, boolean opened, boolean clicked) {
			this.subscriberId = subscriberId;
			this.sentAt = sentAt;
			this.opened = opened;
			this.clicked = clicked;
		}

		void learn(First first) {
			switch (first.kind()) {
				case SEEN -> this.seen = true;
				case READ -> this.opened = true;
				case CLICK -> this.clicked = true;
				case LINK -> this.links.add(first.link());
			}
		}

	}

	/** An open, or a click when it names a link: its entry as its issue and sequence, its time in ms. */
	record Open(String issueId, int sequence, long millis, OpenClass byRequest, String family, Integer link) {

		String deliveryId() {
			return LedgerKeys.id(this.issueId, this.sequence);
		}

		Instant at() {
			return Instant.ofEpochMilli(this.millis);
		}

	}

}

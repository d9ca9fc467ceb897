package io.infolettre.newsletter.engagement.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.engagement.TrackingListener;
import io.infolettre.newsletter.tracking.OpenClassifier;
import io.infolettre.newsletter.tracking.TrackingMode;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Records opens and clicks without slowing the pixel: a request only queues its open; one thread
 * writes the queue at least every {@code flush-interval}, a batch at a time ({@link OpenBatchWriter}).
 * Clicks wait a moment first ({@link SettlingClicks}). A stop writes what is queued before the
 * database closes; a crash loses at most the last interval's opens. The queue is bounded: past it, an
 * open is dropped and counted rather than slowing the pixel.
 */
@Component
public class OpenRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OpenRecorder.class);

	// about 40 bytes an open (an issue id shared by its opens, a sequence, a time): 40 MB at most
	private static final int CAPACITY = 1_000_000;

	private static final int BATCH = 5_000;

	private final OpenBatchWriter writer;

	private final Duration interval;

	private final Clock clock;

	private final BlockingQueue<Open> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	// one string per issue for all its queued opens (a few hundred issues in years)
	private final Map<String, String> issueIds = new ConcurrentHashMap<>();

	// the writer thread's, under this object's lock
	private final SettlingClicks clicks = new SettlingClicks();

	private volatile boolean running;

	private Thread writerThread;

	OpenRecorder(ResponseLedger ledger, MongoTemplate mongo, TrackingSettings settings, Clock clock) {
		this(ledger, mongo, settings, clock, List.of());
	}

	@Autowired
	OpenRecorder(ResponseLedger ledger, MongoTemplate mongo, TrackingSettings settings, Clock clock,
			List<TrackingListener> listeners) {
		this.writer = new OpenBatchWriter(ledger, mongo, new OpenClassifier(settings.scannerWindow()),
				settings.mode() == TrackingMode.ANONYMOUS, listeners);
		this.interval = settings.flushInterval();
		this.clock = clock;
	}

	/** The report's rebuild and a subscriber's data export read one issue's event buckets. */
	@PostConstruct
	void createIndexes() {
		this.writer.createIndexes();
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
		if (!DeliveryIds.isValid(deliveryId)) {
			return;
		}
		// only what the writer needs waits in the queue: the class the request gives, the agent's family
		String issueId = this.issueIds.computeIfAbsent(DeliveryIds.issueOf(deliveryId), id -> id);
		var open = new Open(issueId, (int) DeliveryIds.sequenceOf(deliveryId), this.clock.millis(),
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
		List<Open> drained = new ArrayList<>();
		this.queue.drainTo(drained);
		List<Open> batch = this.clicks.all(drained);
		for (int from = 0; from < batch.size(); from += BATCH) {
			this.writer.write(batch.subList(from, Math.min(batch.size(), from + BATCH)), this.clicks);
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
		List<Open> ripe = this.clicks.ripe(batch, this.clock.instant());
		if (!ripe.isEmpty()) {
			writeWithRetries(ripe);
		}
		return batch.size();
	}

	// The database may be away for a moment: the batch waits (new opens queue up meanwhile).
	private void writeWithRetries(List<Open> batch) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				this.writer.write(batch, this.clicks);
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

	@Override
	public void start() {
		this.running = true;
		this.writerThread = new Thread(this::writeLoop, "open-recorder");
		this.writerThread.setDaemon(true);
		this.writerThread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.writerThread != null) {
			try {
				this.writerThread.join(10_000);
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

}

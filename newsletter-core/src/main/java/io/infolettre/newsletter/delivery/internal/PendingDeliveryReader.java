package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliverySettings.InFlightAfterCrash;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Walks an issue's ledger in sequence order, a page of exact ids at a time, and hands on the
 * entries to deliver with their subscribers (loaded in one query per page). Then it hands on the
 * entries waiting for another attempt as they come due, until none is left.
 * <p>
 * A restarted send resumes its walk from the checkpoint saved with the last written chunk (below it,
 * every entry was settled or is waiting for a retry, which keeps the checkpoint below itself).
 * Entries that were on the wire when the application died are settled first (see
 * {@link SendLedger#settleInFlight}). Before each page it checks that the issue may still be
 * sent: when not (paused, cancelled, its window closed, the application stopping), it hands out
 * nothing more and the step stops after the chunk in hand.
 */
class PendingDeliveryReader implements ItemStreamReader<RecipientItem> {

	/** Every entry below this sequence number was settled when the last chunk was written. */
	static final String WALKED_TO = "ledger.walkedTo";

	private static final Logger log = LoggerFactory.getLogger(PendingDeliveryReader.class);

	private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

	private final SendLedger ledger;

	private final Subscribers subscribers;

	private final SendControl control;

	private final RetryQueue retries;

	private final Clock clock;

	private final String issueId;

	private final int pageSize;

	private final InFlightAfterCrash inFlightAfterCrash;

	private final StepStop stop;

	private final Deque<RecipientItem> page = new ArrayDeque<>();

	private long next;

	private long end = -1;

	// Items returned so far; the step reads pageSize items per chunk, so this tells where a chunk ends.
	private long handedOut;

	// the entries that were on the wire at a crash, handed out before the walk meets them
	private final Set<String> handedBeforeWalk = new HashSet<>();

	private boolean stopped;

	PendingDeliveryReader(SendLedger ledger, Subscribers subscribers, SendControl control, RetryQueue retries,
			Clock clock, String issueId, int pageSize, InFlightAfterCrash inFlightAfterCrash, StepStop stop) {
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.control = control;
		this.retries = retries;
		this.clock = clock;
		this.issueId = issueId;
		this.pageSize = pageSize;
		this.inFlightAfterCrash = inFlightAfterCrash;
		this.stop = stop;
	}

	@Override
	public RecipientItem read() throws InterruptedException {
		if (this.end < 0) {
			start();
		}
		RecipientItem item = nextReady();
		if (this.stopped) {
			return null;
		}
		if (item == null && this.handedOut % this.pageSize != 0) {
			// Ends the chunk so that the writer settles it: its temporary failures join the retries, and
			// a null now would end the step before they are tried again.
			item = RecipientItem.FLUSH;
		}
		while (item == null && !this.retries.isEmpty()) {
			// at a chunk boundary: everything handed out is written, the retries are all known
			if (!sendable()) {
				return null;
			}
			awaitNextRetry();
			item = nextReady();
		}
		if (item != null) {
			this.handedOut++;
		}
		return item;
	}

	// Before anything goes out: what was on the wire when the application died is settled first.
	private void start() {
		boolean holdBack = this.inFlightAfterCrash == InFlightAfterCrash.HOLD;
		List<String> settled = this.ledger.settleInFlight(this.issueId, holdBack, this.clock.instant());
		if (!settled.isEmpty()) {
			log.warn("Issue {}: {} messages were on the wire when the application stopped ({})", this.issueId,
					settled.size(), this.inFlightAfterCrash);
			if (!holdBack) {
				// they may lie below the checkpoint the walk resumes from; the walk must not hand them twice
				enqueue(this.ledger.entries(settled));
				this.handedBeforeWalk.addAll(settled);
			}
		}
		this.end = this.ledger.sequenceEnd(this.issueId);
	}

	@Override
	public void open(ExecutionContext context) {
		// a restarted step resumes its walk where the last written chunk left it
		this.next = context.getLong(WALKED_TO, 0L);
	}

	/**
	 * Called once a chunk is written: nothing below the checkpoint is left to do, except the retries
	 * and the entries fetched but not handed out yet, which keep it lower.
	 */
	@Override
	public void update(ExecutionContext context) {
		long walkedTo = Math.min(this.next, this.retries.lowestSequence());
		for (RecipientItem item : this.page) {
			walkedTo = Math.min(walkedTo, DeliveryIds.sequenceOf(item.deliveryId()));
		}
		context.putLong(WALKED_TO, walkedTo);
	}

	// What can be handed out without waiting: due retries first, then the next page of the ledger.
	// Nothing is taken from the retries before the issue is known sendable: a stop keeps them there,
	// below the checkpoint.
	private RecipientItem nextReady() {
		while (this.page.isEmpty()) {
			Instant now = this.clock.instant();
			boolean retryDue = this.retries.nextDue().filter(at -> !at.isAfter(now)).isPresent();
			if (!retryDue && this.next >= this.end) {
				return null;
			}
			if (!sendable()) {
				return null;
			}
			if (retryDue) {
				enqueue(this.ledger.entries(this.retries.takeDue(now, this.pageSize)));
			}
			else {
				fetchNextPage();
			}
		}
		return this.page.poll();
	}

	private void fetchNextPage() {
		int count = (int) Math.min(this.pageSize, this.end - this.next);
		List<Document> entries = this.ledger.page(this.issueId, this.next, count);
		this.next += count;
		enqueue(entries.stream().filter(entry -> !this.handedBeforeWalk.contains(entry.getString("_id"))).toList());
	}

	// Sleeps until the soonest retry is due, a second at most so that a pause is seen.
	private void awaitNextRetry() throws InterruptedException {
		Instant now = this.clock.instant();
		Duration wait = this.retries.nextDue().map(at -> Duration.between(now, at)).orElse(Duration.ZERO);
		if (wait.compareTo(LONGEST_WAIT) > 0) {
			wait = LONGEST_WAIT;
		}
		if (!wait.isNegative() && !wait.isZero()) {
			Thread.sleep(wait.toMillis());
		}
	}

	private void enqueue(List<Document> entries) {
		Instant now = this.clock.instant();
		List<Document> toDeliver = entries.stream().filter(entry -> {
			String status = entry.getString(LedgerDocuments.STATUS);
			if (!DeliveryStatus.PENDING.name().equals(status)) {
				return false;
			}
			Date retryAt = entry.getDate(LedgerDocuments.RETRY_AT);
			if (retryAt != null && retryAt.toInstant().isAfter(now)) {
				// found again after a restart: it keeps its backoff
				this.retries.add(entry.getString("_id"), retryAt.toInstant());
				return false;
			}
			return true;
		}).toList();
		if (toDeliver.isEmpty()) {
			return;
		}
		List<String> ids = toDeliver.stream().map(e -> e.getString(LedgerDocuments.SUBSCRIBER_ID)).toList();
		Map<String, Subscriber> byId = this.subscribers.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Subscriber::getId, Function.identity()));
		for (Document entry : toDeliver) {
			String subscriberId = entry.getString(LedgerDocuments.SUBSCRIBER_ID);
			int attempts = entry.get(LedgerDocuments.ATTEMPTS) instanceof Number n ? n.intValue() : 0;
			this.page.add(new RecipientItem(entry.getString("_id"), subscriberId, byId.get(subscriberId), attempts));
		}
	}

	// Once the issue may no longer be sent, nothing more is handed out and the step stops.
	private boolean sendable() {
		if (!this.stopped && !this.control.maySend()) {
			this.stopped = true;
			this.stop.afterThisChunk();
		}
		return !this.stopped;
	}

}

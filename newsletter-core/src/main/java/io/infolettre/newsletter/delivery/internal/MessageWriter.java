package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.internal.DeliveryStore.Outcome;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Sends a chunk over several reused SMTP connections in parallel ("lanes"). Each message is claimed
 * as its connection's message in flight (in the issue's ledger head) just before it goes on the wire,
 * and confirmed in the ledger just after the relay's reply; the confirmation and the next claim are
 * one group commit. After a crash, at most one entry per connection is marked in flight, and nothing
 * is marked sent that the relay did not accept.
 * <p>
 * The relay's reply decides: 2xx sent; 5xx failed for good (an address refused counts as a hard
 * bounce); 4xx and lost connections are tried again later with backoff, then failed. A run of
 * failures, or a relay that cannot be reached again, pauses the issue with the reason instead of
 * burning through the list, and the step stops after the chunk (see {@link StepStop}). A relay out
 * of reach (connections refused or lost, no refusal) pauses the send until the relay answers again
 * ({@link RelayOutageWatch}); a run of refusals waits for a person.
 */
class MessageWriter implements ItemStreamWriter<DeliveryTask> {

	private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

	private final String issueId;

	private final MailGateway gateway;

	private final DeliveryStore ledger;

	private final SendControl control;

	private final RetryQueue retries;

	private final SendThrottle throttle;

	private final DeliverySettings settings;

	private final Clock clock;

	private final StepStop stop;

	private final MailConnection[] connections;

	private final AtomicInteger failureStreak = new AtomicInteger();

	// the refusals among the failures of the streak: none means the relay itself is out of reach
	private final AtomicInteger refusalsInStreak = new AtomicInteger();

	private volatile boolean delivered;

	private final RateWindow rate = new RateWindow();

	private volatile String stopReason;

	private volatile boolean relayUnavailable;

	private ExecutorService senders;

	private LedgerGroupCommit commits;

	MessageWriter(String issueId, MailGateway gateway, DeliveryStore ledger, SendControl control, RetryQueue retries,
			SendThrottle throttle, DeliverySettings settings, Clock clock, StepStop stop) {
		this.issueId = issueId;
		this.gateway = gateway;
		this.ledger = ledger;
		this.control = control;
		this.retries = retries;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
		this.stop = stop;
		this.connections = new MailConnection[settings.connections()];
	}

	@Override
	public void open(ExecutionContext executionContext) {
		var number = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(this.connections.length, runnable -> {
			Thread thread = new Thread(runnable, "smtp-sender-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.commits = new LedgerGroupCommit(this.ledger, this.issueId);
	}

	@Override
	public void write(Chunk<? extends DeliveryTask> chunk) throws Exception {
		List<Outcome> skipped = new ArrayList<>();
		List<List<DeliveryTask.Send>> lanes = new ArrayList<>();
		for (int i = 0; i < this.connections.length; i++) {
			lanes.add(new ArrayList<>());
		}
		int next = 0;
		for (DeliveryTask task : chunk) {
			if (task instanceof DeliveryTask.Skip skip) {
				skipped.add(Outcome.skipped(skip.deliveryId(), skip.status(), skip.email(), skip.reason(),
						this.clock.instant()));
			}
			else {
				lanes.get(next++ % lanes.size()).add((DeliveryTask.Send) task);
			}
		}
		this.ledger.recordOutcomes(this.issueId, skipped);
		List<Future<List<Attempt>>> results = new ArrayList<>();
		List<List<DeliveryTask.Send>> submitted = new ArrayList<>();
		for (int i = 0; i < lanes.size(); i++) {
			int slot = i;
			List<DeliveryTask.Send> lane = lanes.get(i);
			if (!lane.isEmpty()) {
				results.add(this.senders.submit(() -> sendLane(slot, lane)));
				submitted.add(lane);
			}
		}
		// Every lane is awaited before the chunk ends, whatever happens to one of them.
		var counts = new EnumMap<DeliveryStatus, Integer>(DeliveryStatus.class);
		RuntimeException failure = null;
		for (int i = 0; i < results.size(); i++) {
			try {
				List<Attempt> attempts = await(results.get(i));
				for (Attempt attempt : attempts) {
					counts.merge(attempt.outcome().status(), 1, Integer::sum);
					afterOutcome(attempt);
				}
				// a lane stops at its first message not tried when the send is stopping: the rest of it,
				// untouched in the ledger, is handed back like the untried ones
				List<DeliveryTask.Send> lane = submitted.get(i);
				lane.subList(attempts.size(), lane.size())
					.forEach(send -> this.retries.add(send.deliveryId(), this.clock.instant()));
			}
			catch (RuntimeException ex) {
				failure = failure == null ? ex : failure;
			}
		}
		this.rate.add(counts.getOrDefault(DeliveryStatus.SENT, 0));
		this.ledger.addToCounters(this.issueId, counts, this.rate.perSecond());
		if (failure != null) {
			throw failure;
		}
		if (this.stopReason != null) {
			log.warn("Issue {} paused by the engine: {}", this.issueId, this.stopReason);
			if (this.relayUnavailable) {
				this.control.relayUnavailable(this.stopReason, this.delivered);
			}
			else {
				this.control.pause(this.stopReason);
			}
			this.stop.afterThisChunk();
		}
	}

	// One lane is one connection: its messages go out in order, each claimed before and confirmed after.
	private List<Attempt> sendLane(int slot, List<DeliveryTask.Send> lane) throws InterruptedException {
		List<Attempt> attempts = new ArrayList<>(lane.size());
		if (this.stopReason != null) {
			return attempts;
		}
		this.commits.commit(List.of(), slot, lane.get(0).deliveryId());
		for (int i = 0; i < lane.size(); i++) {
			DeliveryTask.Send send = lane.get(i);
			Attempt attempt = attempt(slot, send);
			Outcome outcome = attempt.outcome();
			boolean goOn = i + 1 < lane.size() && this.stopReason == null;
			this.commits.commit(List.of(outcome), slot, goOn ? lane.get(i + 1).deliveryId() : null);
			attempts.add(attempt);
			if (!goOn) {
				break;
			}
		}
		return attempts;
	}

	private Attempt attempt(int slot, DeliveryTask.Send send) throws InterruptedException {
		if (!this.throttle.acquire(() -> this.stopReason == null && this.control.maySend())) {
			return new Attempt(send, released(send, "Envoi interrompu avant ce message"), false);
		}
		MailConnection connection;
		try {
			connection = connection(slot);
		}
		catch (RelayUnavailableException ex) {
			stop("Serveur SMTP injoignable : " + ex.getMessage(), true);
			return new Attempt(send, released(send, "Serveur SMTP injoignable"), false);
		}
		SendResult result;
		try {
			result = connection.send(send.message());
		}
		catch (IllegalArgumentException ex) {
			// the message could not be built (before the wire): this recipient fails, the send goes on
			return new Attempt(send, outcome(send, DeliveryStatus.FAILED_PERMANENT, null,
					"Message impossible à construire : " + ex.getMessage(), send.attempts() + 1, null), false);
		}
		catch (RelayUnavailableException ex) {
			closeQuietly(slot);
			recordFailure("connexion perdue (" + ex.getMessage() + ")", false);
			Outcome failure = temporaryFailure(send, "Connexion perdue : " + ex.getMessage());
			return new Attempt(send, ex.messageMayHaveArrived() ? failure.markedPossibleDuplicate() : failure, false);
		}
		Attempt attempt = replied(send, result);
		return result.possibleDuplicate()
				? new Attempt(attempt.outcome().markedPossibleDuplicate(), attempt.subscriberId(), attempt.hardBounce())
				: attempt;
	}

	private Attempt replied(DeliveryTask.Send send, SendResult result) {
		if (result instanceof SendResult.Accepted accepted) {
			this.failureStreak.set(0);
			this.refusalsInStreak.set(0);
			this.delivered = true;
			return new Attempt(send,
					outcome(send, DeliveryStatus.SENT, accepted.messageId(), null, send.attempts() + 1, null), false);
		}
		var rejected = (SendResult.Rejected) result;
		recordFailure(rejected.reply(), true);
		if (rejected.permanent()) {
			return new Attempt(send, outcome(send, DeliveryStatus.FAILED_PERMANENT, null, rejected.reply(),
					send.attempts() + 1, null), rejected.recipient());
		}
		return new Attempt(send, temporaryFailure(send, rejected.reply()), false);
	}

	// On the step's thread, once the lanes are done. An entry handed back untried (the send is
	// stopping) joins the retries as due now: it keeps the reader's checkpoint below itself.
	private void afterOutcome(Attempt attempt) {
		Outcome outcome = attempt.outcome();
		if (outcome.status() == DeliveryStatus.PENDING) {
			this.retries.add(outcome.deliveryId(),
					outcome.retryAt() != null ? outcome.retryAt() : outcome.at());
		}
		if (attempt.hardBounce()) {
			this.control.hardBounce(attempt.subscriberId());
		}
	}

	private Outcome temporaryFailure(DeliveryTask.Send send, String reason) {
		int attempts = send.attempts() + 1;
		if (attempts >= this.settings.retry().attempts()) {
			return outcome(send, DeliveryStatus.FAILED_TEMPORARY, null,
					reason + " (après " + attempts + " tentatives)", attempts, null);
		}
		Instant retryAt = this.clock.instant().plus(this.settings.retry().backoffAfter(attempts));
		return outcome(send, DeliveryStatus.PENDING, null, reason, attempts, retryAt);
	}

	// Back to PENDING as if never taken: nothing went on the wire.
	private Outcome released(DeliveryTask.Send send, String reason) {
		return outcome(send, DeliveryStatus.PENDING, null, reason, 0, null);
	}

	private Outcome outcome(DeliveryTask.Send send, DeliveryStatus status, String messageId, String error,
			int attempts, Instant retryAt) {
		return new Outcome(send.deliveryId(), status, send.email(), messageId, error, this.clock.instant(), attempts,
				retryAt, false);
	}

	/** @param refused the relay answered with a refusal (rather than the connection being lost) */
	private void recordFailure(String lastError, boolean refused) {
		if (refused) {
			this.refusalsInStreak.incrementAndGet();
		}
		if (this.failureStreak.incrementAndGet() >= this.settings.pauseAfterFailures()) {
			stop(this.settings.pauseAfterFailures() + " échecs consécutifs ; dernier : " + lastError,
					this.refusalsInStreak.get() == 0);
		}
	}

	private synchronized void stop(String reason, boolean relayUnavailable) {
		if (this.stopReason == null) {
			this.relayUnavailable = relayUnavailable;
			this.stopReason = reason;
		}
	}

	// A lane that lost its connection tries to get one back, with backoff, before giving up.
	private MailConnection connection(int slot) throws InterruptedException {
		if (this.connections[slot] != null) {
			return this.connections[slot];
		}
		var reconnect = this.settings.reconnect();
		for (int attempt = 1;; attempt++) {
			try {
				this.connections[slot] = this.gateway.connect();
				return this.connections[slot];
			}
			catch (RelayUnavailableException ex) {
				if (attempt >= reconnect.attempts() || this.stopReason != null) {
					throw ex;
				}
				Thread.sleep(reconnect.backoffAfter(attempt).toMillis());
			}
		}
	}

	private static <T> T await(Future<T> result) throws InterruptedException {
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void closeQuietly(int slot) {
		if (this.connections[slot] != null) {
			this.connections[slot].close();
			this.connections[slot] = null;
		}
	}

	@Override
	public void close() {
		for (int slot = 0; slot < this.connections.length; slot++) {
			closeQuietly(slot);
		}
		if (this.senders != null) {
			this.senders.shutdownNow();
			this.senders = null;
		}
		if (this.commits != null) {
			this.commits.close();
			this.commits = null;
		}
	}

	/** @param hardBounce the relay refused the recipient's address for good */
	private record Attempt(Outcome outcome, String subscriberId, boolean hardBounce) {

		Attempt(DeliveryTask.Send send, Outcome outcome, boolean hardBounce) {
			this(outcome, send.subscriberId(), hardBounce);
		}

	}

	/** Messages sent per second over the last few seconds, for the progress shown to the coordinator. */
	private static final class RateWindow {

		private static final long WINDOW = 5_000_000_000L;

		// (time, messages sent since the window began) after each chunk
		private final Deque<long[]> marks = new ArrayDeque<>();

		private long total;

		RateWindow() {
			this.marks.add(new long[] { System.nanoTime(), 0 });
		}

		void add(int sent) {
			long now = System.nanoTime();
			this.total += sent;
			this.marks.addLast(new long[] { now, this.total });
			while (this.marks.size() > 2 && now - this.marks.peekFirst()[0] > WINDOW) {
				this.marks.pollFirst();
			}
		}

		double perSecond() {
			long[] first = this.marks.peekFirst();
			long[] last = this.marks.peekLast();
			double seconds = (last[0] - first[0]) / 1e9;
			return seconds <= 0 ? 0 : Math.round((last[1] - first[1]) / seconds * 10) / 10.0;
		}

	}

}

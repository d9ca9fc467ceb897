package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.DeliveryStatus;
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

	private final SendLedger ledger;

	private final SendControl control;

	private final RetryQueue retries;

	private final SendThrottle throttle;

	private final DeliverySettings settings;

	private final Clock clock;

	private final StepStop stop;

	private final LaneConnections connections;

	private final FailureStreak streak;

	private final SendRate rate = new SendRate();

	private ExecutorService senders;

	private LedgerGroupCommit commits;

	MessageWriter(String issueId, MailGateway gateway, SendLedger ledger, SendControl control, RetryQueue retries,
			SendThrottle throttle, DeliverySettings settings, Clock clock, StepStop stop) {
		this.issueId = issueId;
		this.ledger = ledger;
		this.control = control;
		this.retries = retries;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
		this.stop = stop;
		this.connections = new LaneConnections(gateway, settings);
		this.streak = new FailureStreak(settings.pauseAfterFailures());
	}

	@Override
	public void open(ExecutionContext executionContext) {
		var number = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(this.connections.lanes(), runnable -> {
			Thread thread = new Thread(runnable, "smtp-sender-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.commits = new LedgerGroupCommit(this.ledger, this.issueId);
	}

	@Override
	public void write(Chunk<? extends DeliveryTask> chunk) throws Exception {
		List<LedgerOutcome> skipped = new ArrayList<>();
		List<List<DeliveryTask.Send>> lanes = new ArrayList<>();
		for (int i = 0; i < this.connections.lanes(); i++) {
			lanes.add(new ArrayList<>());
		}
		int next = 0;
		for (DeliveryTask task : chunk) {
			if (task instanceof DeliveryTask.Skip skip) {
				skipped.add(LedgerOutcome.skipped(skip.deliveryId(), skip.status(), skip.email(), skip.reason(),
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
		if (this.streak.stopped()) {
			log.warn("Issue {} paused by the engine: {}", this.issueId, this.streak.stopReason());
			if (this.streak.relayUnavailable()) {
				this.control.relayUnavailable(this.streak.stopReason(), this.streak.delivered());
			}
			else {
				this.control.pause(this.streak.stopReason());
			}
			this.stop.afterThisChunk();
		}
	}

	// One lane is one connection: its messages go out in order, each claimed before and confirmed after.
	private List<Attempt> sendLane(int slot, List<DeliveryTask.Send> lane) throws InterruptedException {
		List<Attempt> attempts = new ArrayList<>(lane.size());
		if (this.streak.stopped()) {
			return attempts;
		}
		this.commits.commit(List.of(), slot, lane.get(0).deliveryId());
		for (int i = 0; i < lane.size(); i++) {
			DeliveryTask.Send send = lane.get(i);
			Attempt attempt = attempt(slot, send);
			LedgerOutcome outcome = attempt.outcome();
			boolean goOn = i + 1 < lane.size() && !this.streak.stopped();
			this.commits.commit(List.of(outcome), slot, goOn ? lane.get(i + 1).deliveryId() : null);
			attempts.add(attempt);
			if (!goOn) {
				break;
			}
		}
		return attempts;
	}

	private Attempt attempt(int slot, DeliveryTask.Send send) throws InterruptedException {
		if (!this.throttle.acquire(() -> !this.streak.stopped() && this.control.maySend())) {
			return new Attempt(send, released(send, "Envoi interrompu avant ce message"), false);
		}
		MailConnection connection;
		try {
			connection = this.connections.of(slot, () -> !this.streak.stopped());
		}
		catch (RelayUnavailableException ex) {
			this.streak.stop("Serveur SMTP injoignable : " + ex.getMessage(), true);
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
			this.connections.closeQuietly(slot);
			this.streak.failed("connexion perdue (" + ex.getMessage() + ")", false);
			LedgerOutcome failure = temporaryFailure(send, "Connexion perdue : " + ex.getMessage());
			return new Attempt(send, ex.messageMayHaveArrived() ? failure.markedPossibleDuplicate() : failure, false);
		}
		Attempt attempt = replied(send, result);
		return result.possibleDuplicate()
				? new Attempt(attempt.outcome().markedPossibleDuplicate(), attempt.subscriberId(), attempt.hardBounce())
				: attempt;
	}

	private Attempt replied(DeliveryTask.Send send, SendResult result) {
		if (result instanceof SendResult.Accepted accepted) {
			this.streak.accepted();
			return new Attempt(send,
					outcome(send, DeliveryStatus.SENT, accepted.messageId(), null, send.attempts() + 1, null), false);
		}
		var rejected = (SendResult.Rejected) result;
		this.streak.failed(rejected.reply(), true);
		if (rejected.permanent()) {
			return new Attempt(send, outcome(send, DeliveryStatus.FAILED_PERMANENT, null, rejected.reply(),
					send.attempts() + 1, null), rejected.recipient());
		}
		return new Attempt(send, temporaryFailure(send, rejected.reply()), false);
	}

	// On the step's thread, once the lanes are done. An entry handed back untried (the send is
	// stopping) joins the retries as due now: it keeps the reader's checkpoint below itself.
	private void afterOutcome(Attempt attempt) {
		LedgerOutcome outcome = attempt.outcome();
		if (outcome.status() == DeliveryStatus.PENDING) {
			this.retries.add(outcome.deliveryId(),
					outcome.retryAt() != null ? outcome.retryAt() : outcome.at());
		}
		if (attempt.hardBounce()) {
			this.control.hardBounce(attempt.subscriberId());
		}
	}

	private LedgerOutcome temporaryFailure(DeliveryTask.Send send, String reason) {
		int attempts = send.attempts() + 1;
		if (attempts >= this.settings.retry().attempts()) {
			return outcome(send, DeliveryStatus.FAILED_TEMPORARY, null,
					reason + " (après " + attempts + " tentatives)", attempts, null);
		}
		Instant retryAt = this.clock.instant().plus(this.settings.retry().backoffAfter(attempts));
		return outcome(send, DeliveryStatus.PENDING, null, reason, attempts, retryAt);
	}

	// Back to PENDING as if never taken: nothing went on the wire.
	private LedgerOutcome released(DeliveryTask.Send send, String reason) {
		return outcome(send, DeliveryStatus.PENDING, null, reason, 0, null);
	}

	private LedgerOutcome outcome(DeliveryTask.Send send, DeliveryStatus status, String messageId, String error,
			int attempts, Instant retryAt) {
		return new LedgerOutcome(send.deliveryId(), status, send.email(), messageId, error, this.clock.instant(), attempts,
				retryAt, false);
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

	@Override
	public void close() {
		this.connections.close();
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
	private record Attempt(LedgerOutcome outcome, String subscriberId, boolean hardBounce) {

		Attempt(DeliveryTask.Send send, LedgerOutcome outcome, boolean hardBounce) {
			this(outcome, send.subscriberId(), hardBounce);
		}

	}

}

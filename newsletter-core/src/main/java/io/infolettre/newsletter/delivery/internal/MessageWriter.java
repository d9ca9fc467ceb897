package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.internal.DeliveryStore.Outcome;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.SendResult;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Sends a chunk over several reused SMTP connections in parallel and records every outcome in the
 * ledger in one bulk write. Entries are claimed (SENDING) before the first message of the chunk
 * goes out; when the relay goes away, the entries not sent go back to PENDING and the step fails,
 * so nothing is marked sent that the relay did not accept.
 */
class MessageWriter implements ItemStreamWriter<DeliveryTask> {

	private final MailGateway gateway;

	private final DeliveryStore ledger;

	private final Clock clock;

	private final MailConnection[] connections;

	private ExecutorService senders;

	MessageWriter(MailGateway gateway, DeliveryStore ledger, Clock clock, int connections) {
		this.gateway = gateway;
		this.ledger = ledger;
		this.clock = clock;
		this.connections = new MailConnection[connections];
	}

	@Override
	public void open(ExecutionContext executionContext) {
		var number = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(this.connections.length, runnable -> {
			Thread thread = new Thread(runnable, "smtp-sender-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void write(Chunk<? extends DeliveryTask> chunk) throws Exception {
		List<Outcome> outcomes = new ArrayList<>(chunk.size());
		List<List<DeliveryTask.Send>> lanes = new ArrayList<>();
		for (int i = 0; i < this.connections.length; i++) {
			lanes.add(new ArrayList<>());
		}
		int next = 0;
		for (DeliveryTask task : chunk) {
			if (task instanceof DeliveryTask.Skip skip) {
				var status = skip.failure() ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.SKIPPED;
				outcomes.add(new Outcome(skip.deliveryId(), status, skip.email(), null, skip.reason(), this.clock.instant()));
			}
			else {
				lanes.get(next++ % lanes.size()).add((DeliveryTask.Send) task);
			}
		}
		Set<String> unsent = new LinkedHashSet<>();
		lanes.forEach(lane -> lane.forEach(send -> unsent.add(send.deliveryId())));
		if (!unsent.isEmpty()) {
			this.ledger.markSending(unsent);
		}
		RuntimeException laneFailure = null;
		try {
			List<Future<Lane>> results = new ArrayList<>();
			for (int i = 0; i < lanes.size(); i++) {
				int slot = i;
				List<DeliveryTask.Send> lane = lanes.get(i);
				if (!lane.isEmpty()) {
					results.add(this.senders.submit(() -> sendLane(slot, lane)));
				}
			}
			// Every lane is awaited before anything is released: a lane still sending must not see its
			// entries handed back as PENDING.
			for (Future<Lane> result : results) {
				Lane lane = await(result);
				outcomes.addAll(lane.outcomes());
				lane.outcomes().forEach(outcome -> unsent.remove(outcome.deliveryId()));
				if (lane.failure() != null && laneFailure == null) {
					laneFailure = lane.failure();
				}
			}
		}
		finally {
			this.ledger.releaseToPending(unsent);
			if (!outcomes.isEmpty()) {
				this.ledger.recordOutcomes(LedgerKeys.issueOf(outcomes.get(0).deliveryId()), outcomes);
			}
		}
		if (laneFailure != null) {
			throw laneFailure;
		}
	}

	// One lane is one connection: its messages go out in order, and it stops at the first relay failure.
	private Lane sendLane(int slot, List<DeliveryTask.Send> lane) {
		List<Outcome> outcomes = new ArrayList<>(lane.size());
		for (DeliveryTask.Send send : lane) {
			try {
				outcomes.add(deliver(connection(slot), send));
			}
			catch (IllegalArgumentException ex) {
				// the message could not be built (before the wire): this recipient fails, the send goes on
				outcomes.add(new Outcome(send.deliveryId(), DeliveryStatus.FAILED_PERMANENT, send.email(), null,
						"Message impossible à construire : " + ex.getMessage(), this.clock.instant()));
			}
			catch (RuntimeException ex) {
				// relay gone (or an unexpected failure): this lane stops, the others finish their messages
				closeQuietly(slot);
				return new Lane(outcomes, ex);
			}
		}
		return new Lane(outcomes, null);
	}

	private Outcome deliver(MailConnection connection, DeliveryTask.Send send) {
		SendResult result = connection.send(send.message());
		var now = this.clock.instant();
		if (result instanceof SendResult.Accepted accepted) {
			return new Outcome(send.deliveryId(), DeliveryStatus.SENT, send.email(), accepted.messageId(), null, now);
		}
		var rejected = (SendResult.Rejected) result;
		var status = rejected.permanent() ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.FAILED_TEMPORARY;
		return new Outcome(send.deliveryId(), status, send.email(), null, rejected.reply(), now);
	}

	private MailConnection connection(int slot) {
		if (this.connections[slot] == null) {
			this.connections[slot] = this.gateway.connect();
		}
		return this.connections[slot];
	}

	private static Lane await(Future<Lane> result) throws InterruptedException {
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
	}

	private record Lane(List<Outcome> outcomes, RuntimeException failure) {
	}

}

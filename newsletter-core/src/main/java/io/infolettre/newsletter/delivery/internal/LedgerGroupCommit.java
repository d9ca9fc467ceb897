package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;


/**
 * Group commit for one send's ledger: every connection waits until its confirmation and its next
 * claim are stored before the next message goes on the wire, which is what bounds duplicates after
 * a crash to the messages on the wire, one per connection. Concurrent requests are written together
 * (the entries' outcomes in one bulk write, then every connection's claim in one update of the
 * issue's head), so the wait costs a share of a round trip instead of one per message.
 */
class LedgerGroupCommit implements AutoCloseable {

	private final SendLedger ledger;

	private final String issueId;

	private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final Thread committer;

	private volatile boolean closed;

	LedgerGroupCommit(SendLedger ledger, String issueId) {
		this.ledger = ledger;
		this.issueId = issueId;
		this.committer = new Thread(this::run, "ledger-commit-" + issueId);
		this.committer.setDaemon(true);
		this.committer.start();
	}

	/**
	 * Stores the outcomes, then claims the connection's next entry (null: the connection has nothing
	 * on the wire now), and returns once both are stored.
	 */
	void commit(List<LedgerOutcome> outcomes, int connection, String nextInFlight) {
		if (this.closed) {
			throw new IllegalStateException("Ledger group commit is closed");
		}
		var request = new Request(outcomes, connection, nextInFlight, new CompletableFuture<>());
		this.queue.add(request);
		try {
			request.done().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the ledger", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	private void run() {
		List<Request> batch = new ArrayList<>();
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				batch.add(this.queue.take());
			}
			catch (InterruptedException ex) {
				continue;
			}
			this.queue.drainTo(batch);
			List<LedgerOutcome> outcomes = new ArrayList<>();
			Map<Integer, String> inFlight = new HashMap<>();
			batch.forEach(request -> {
				outcomes.addAll(request.outcomes());
				inFlight.put(request.connection(), request.nextInFlight());
			});
			try {
				// outcomes first: a crash between the two writes leaves a confirmed message still marked in
				// flight (sent again, flagged), never an accepted message unmarked
				this.ledger.apply(outcomes);
				this.ledger.markInFlight(this.issueId, inFlight);
				batch.forEach(request -> request.done().complete(null));
			}
			catch (RuntimeException ex) {
				batch.forEach(request -> request.done().completeExceptionally(ex));
			}
			batch.clear();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.committer.interrupt();
	}

	private record Request(List<LedgerOutcome> outcomes, int connection, String nextInFlight,
			CompletableFuture<Void> done) {
	}

}

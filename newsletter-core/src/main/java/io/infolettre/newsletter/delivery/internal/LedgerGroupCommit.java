package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import io.infolettre.newsletter.delivery.internal.DeliveryStore.LedgerWrite;

/**
 * Group commit for the ledger: every connection waits until its claim or confirmation is stored
 * before the next message goes on the wire, which is what bounds duplicates after a crash to one
 * message per connection. Concurrent requests are written together, one bulk write per round trip,
 * so the wait costs a share of one write instead of one write per message.
 */
class LedgerGroupCommit implements AutoCloseable {

	private final DeliveryStore ledger;

	private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final Thread committer;

	private volatile boolean closed;

	LedgerGroupCommit(DeliveryStore ledger, String name) {
		this.ledger = ledger;
		this.committer = new Thread(this::run, name);
		this.committer.setDaemon(true);
		this.committer.start();
	}

	/** Returns once the writes are stored. */
	void commit(List<LedgerWrite> writes) {
		if (writes.isEmpty()) {
			return;
		}
		if (this.closed) {
			throw new IllegalStateException("Ledger group commit is closed");
		}
		var request = new Request(writes, new CompletableFuture<>());
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
				if (this.closed) {
					break;
				}
				continue;
			}
			this.queue.drainTo(batch);
			List<LedgerWrite> writes = new ArrayList<>();
			batch.forEach(request -> writes.addAll(request.writes()));
			try {
				this.ledger.apply(writes);
				batch.forEach(request -> request.done().complete(null));
			}
			catch (RuntimeException ex) {
				batch.forEach(request -> request.done().completeExceptionally(ex));
			}
			batch.clear();
		}
		Request left;
		while ((left = this.queue.poll()) != null) {
			left.done().completeExceptionally(new IllegalStateException("Ledger group commit is closed"));
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.committer.interrupt();
	}

	private record Request(List<LedgerWrite> writes, CompletableFuture<Void> done) {
	}

}

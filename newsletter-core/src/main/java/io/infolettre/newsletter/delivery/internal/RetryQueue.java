package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import io.infolettre.newsletter.delivery.DeliveryIds;

/**
 * Ledger entries waiting for their next attempt after a temporary failure, soonest first. Held in
 * memory for speed; the ledger holds the same facts (PENDING with a retry time), so a restarted send
 * finds them again.
 */
class RetryQueue {

	private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

	synchronized void add(String deliveryId, Instant at) {
		this.queue.add(new Due(deliveryId, at));
	}

	synchronized boolean isEmpty() {
		return this.queue.isEmpty();
	}

	synchronized int size() {
		return this.queue.size();
	}

	/** Up to {@code max} entries due at {@code now}, soonest first. */
	synchronized List<String> takeDue(Instant now, int max) {
		List<String> due = new ArrayList<>();
		while (due.size() < max && !this.queue.isEmpty() && !this.queue.peek().at().isAfter(now)) {
			due.add(this.queue.poll().deliveryId());
		}
		return due;
	}

	/** The lowest ledger sequence number waiting, or Long.MAX_VALUE when none. */
	synchronized long lowestSequence() {
		return this.queue.stream().mapToLong(due -> DeliveryIds.sequenceOf(due.deliveryId())).min().orElse(Long.MAX_VALUE);
	}

	synchronized Optional<Instant> nextDue() {
		return Optional.ofNullable(this.queue.peek()).map(Due::at);
	}

	private record Due(String deliveryId, Instant at) {
	}

}

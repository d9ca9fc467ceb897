package io.infolettre.newsletter.recipient;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A token bucket per client address, in memory: {@code burst} submissions at once, then one more
 * every {@code refillEvery}. It is this node's own count: behind several application nodes a client
 * gets that many per node (a shared bucket in MongoDB would be the next step). The least recently
 * seen clients are forgotten beyond 100,000, so memory stays bounded.
 */
@Component
class SubscriptionRateLimiter {

	private static final int MAX_CLIENTS = 100_000;

	private final double burst;

	private final long refillNanos;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}

	};

	SubscriptionRateLimiter(SubscriptionSettings settings) {
		this.burst = settings.burst();
		this.refillNanos = Math.max(1, settings.refillEvery().toNanos());
	}

	/** Takes one submission from the client's bucket; false when it is empty. */
	synchronized boolean tryAcquire(String client) {
		long now = System.nanoTime();
		Bucket bucket = this.buckets.computeIfAbsent(client, c -> new Bucket(this.burst, now));
		bucket.tokens = Math.min(this.burst, bucket.tokens + (double) (now - bucket.updatedAt) / this.refillNanos);
		bucket.updatedAt = now;
		if (bucket.tokens < 1) {
			return false;
		}
		bucket.tokens -= 1;
		return true;
	}

	/** Forgets every client (tests start from full buckets). */
	synchronized void reset() {
		this.buckets.clear();
	}

	private static final class Bucket {

		double tokens;

		long updatedAt;

		Bucket(double tokens, long updatedAt) {
			this.tokens = tokens;
			this.updatedAt = updatedAt;
		}

	}

}

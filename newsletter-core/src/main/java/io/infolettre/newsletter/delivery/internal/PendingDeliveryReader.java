package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import org.bson.Document;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Walks an issue's ledger in sequence order, a page of exact ids at a time, and hands on the
 * entries still PENDING with their subscribers (loaded in one query per page). Keeps no state
 * across restarts on purpose: a restarted send walks the whole ledger again, so nobody is skipped.
 */
class PendingDeliveryReader implements ItemReader<RecipientItem> {

	private final DeliveryStore ledger;

	private final Subscribers subscribers;

	private final String issueId;

	private final int pageSize;

	private final Deque<RecipientItem> page = new ArrayDeque<>();

	private long next;

	private long end = -1;

	PendingDeliveryReader(DeliveryStore ledger, Subscribers subscribers, String issueId, int pageSize) {
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.issueId = issueId;
		this.pageSize = pageSize;
	}

	@Override
	public RecipientItem read() {
		if (this.end < 0) {
			this.end = this.ledger.sequenceEnd(this.issueId);
		}
		while (this.page.isEmpty() && this.next < this.end) {
			fetch();
		}
		return this.page.poll();
	}

	private void fetch() {
		int count = (int) Math.min(this.pageSize, this.end - this.next);
		List<Document> pending = this.ledger.page(this.issueId, this.next, count)
			.stream()
			.filter(entry -> DeliveryStatus.PENDING.name().equals(entry.getString(DeliveryStore.STATUS)))
			.toList();
		this.next += count;
		if (pending.isEmpty()) {
			return;
		}
		List<String> ids = pending.stream().map(e -> e.getString(DeliveryStore.SUBSCRIBER_ID)).toList();
		Map<String, Subscriber> byId = this.subscribers.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Subscriber::getId, Function.identity()));
		for (Document entry : pending) {
			String subscriberId = entry.getString(DeliveryStore.SUBSCRIBER_ID);
			this.page.add(new RecipientItem(entry.getString("_id"), subscriberId, byId.get(subscriberId)));
		}
	}

}

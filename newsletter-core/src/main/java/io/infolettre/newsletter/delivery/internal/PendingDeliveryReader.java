package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the PENDING entries of an issue's ledger page by page, by keyset on {@code _id}, and loads
 * each page's subscribers in one query. Keeps no state across restarts on purpose: a restarted
 * send reads every entry still PENDING, so nobody is skipped.
 */
class PendingDeliveryReader implements ItemReader<RecipientItem> {

	private final DeliveryStore ledger;

	private final Subscribers subscribers;

	private final String issueId;

	private final int pageSize;

	private final Deque<RecipientItem> page = new ArrayDeque<>();

	private ObjectId last;

	private boolean exhausted;

	PendingDeliveryReader(DeliveryStore ledger, Subscribers subscribers, String issueId, int pageSize) {
		this.ledger = ledger;
		this.subscribers = subscribers;
		this.issueId = issueId;
		this.pageSize = pageSize;
	}

	@Override
	public RecipientItem read() {
		if (this.page.isEmpty() && !this.exhausted) {
			fetch();
		}
		return this.page.poll();
	}

	private void fetch() {
		List<Document> entries = this.ledger.pendingAfter(this.issueId, this.last, this.pageSize);
		if (entries.size() < this.pageSize) {
			this.exhausted = true;
		}
		if (entries.isEmpty()) {
			return;
		}
		this.last = entries.get(entries.size() - 1).getObjectId("_id");
		List<String> ids = entries.stream().map(e -> e.getString(DeliveryStore.SUBSCRIBER_ID)).toList();
		Map<String, Subscriber> byId = this.subscribers.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Subscriber::getId, Function.identity()));
		for (Document entry : entries) {
			String subscriberId = entry.getString(DeliveryStore.SUBSCRIBER_ID);
			this.page.add(new RecipientItem(entry.getObjectId("_id").toHexString(), subscriberId,
					byId.get(subscriberId)));
		}
	}

}

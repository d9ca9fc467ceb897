package io.infolettre.newsletter.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;

import org.springframework.stereotype.Service;

/** An issue's ledger entries in a group, with their addresses, a page at a time or all streamed. */
@Service
public class Reconciliation {

	private static final int LOOKUP_BATCH = 500;

	private final Deliveries deliveries;

	private final Subscribers subscribers;

	Reconciliation(Deliveries deliveries, Subscribers subscribers) {
		this.deliveries = deliveries;
		this.subscribers = subscribers;
	}

	/** One page (from 0) of the group, in ledger order. */
	public List<DeliveryRow> page(String issueId, DeliveryFilter filter, int page, int size) {
		return withEmails(this.deliveries.list(issueId, filter.statuses(), page, size));
	}

	/** Every entry of the group in ledger order, without holding them all in memory. */
	public void forEach(String issueId, DeliveryFilter filter, Consumer<DeliveryRow> action) {
		List<Delivery> batch = new ArrayList<>(LOOKUP_BATCH);
		this.deliveries.forEach(issueId, filter.statuses(), delivery -> {
			batch.add(delivery);
			if (batch.size() == LOOKUP_BATCH) {
				withEmails(batch).forEach(action);
				batch.clear();
			}
		});
		withEmails(batch).forEach(action);
	}

	// The ledger records the address once the message is tried; entries not tried yet take the
	// subscriber's, looked up for the whole batch in one query.
	private List<DeliveryRow> withEmails(List<Delivery> entries) {
		Set<String> unknown = entries.stream()
			.filter(delivery -> delivery.getEmail() == null)
			.map(Delivery::getSubscriberId)
			.collect(Collectors.toSet());
		Map<String, String> emails = unknown.isEmpty() ? Map.of()
				: this.subscribers.findAllById(unknown)
					.stream()
					.collect(Collectors.toMap(Subscriber::getId, subscriber -> subscriber.getEmail().value()));
		return entries.stream()
			.map(delivery -> new DeliveryRow(delivery,
					delivery.getEmail() != null ? delivery.getEmail() : emails.get(delivery.getSubscriberId())))
			.toList();
	}

}

package io.infolettre.newsletter.engagement.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.delivery.EntryResponses;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.ResponseLedger;

/**
 * The ledger entries the open writer saw lately, least recently used out first, so that a wave of
 * opens does not read the ledger once each: only the entries not remembered yet are read, and during
 * a wave most are. Held by the open writer (under the recorder's lock).
 */
final class RememberedEntries {

	private static final int KNOWN_ENTRIES = 100_000;

	private final ResponseLedger ledger;

	private final Map<String, Known> known = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
			return size() > KNOWN_ENTRIES;
		}

	};

	RememberedEntries(ResponseLedger ledger) {
		this.ledger = ledger;
	}

	/** The batch's entries that exist, by delivery id. */
	Map<String, Known> of(List<Open> batch) {
		Map<String, Known> entries = new HashMap<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (Open open : batch) {
			String deliveryId = open.deliveryId();
			Known known = this.known.get(deliveryId);
			if (known != null) {
				entries.put(deliveryId, known);
			}
			else {
				unknown.add(deliveryId);
			}
		}
		if (!unknown.isEmpty()) {
			this.ledger.responses(unknown).forEach((deliveryId, responses) -> {
				var known = new Known(responses);
				this.known.put(deliveryId, known);
				entries.put(deliveryId, known);
			});
		}
		return entries;
	}

	/**
	 * What the writer remembers of a ledger entry: its recipient, its send time, and which of its firsts
	 * are set (which, once set, stay set).
	 */
	static final class Known {

		final String subscriberId;

		final Instant sentAt;

		boolean opened;

		boolean clicked;

		boolean seen;

		final Set<Integer> links;

		Known(EntryResponses responses) {
			this.subscriberId = responses.subscriberId();
			this.sentAt = responses.sentAt();
			this.opened = responses.read();
			this.clicked = responses.clicked();
			this.seen = responses.seen();
			this.links = new HashSet<>(responses.linksClicked());
		}

		void learn(FirstResponse first) {
			switch (first.kind()) {
				case SEEN -> this.seen = true;
				case READ -> this.opened = true;
				case CLICK -> this.clicked = true;
				case LINK -> this.links.add(first.link());
			}
		}

	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.delivery.DeliveryProgress;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.ResponseLedger;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The ledger's stores over a test's database, for {@link io.infolettre.newsletter.fixtures.LedgerFixtures}. */
public final class LedgerStores {

	private LedgerStores() {
	}

	public static DeliveryStore deliveries(MongoTemplate mongo) {
		var store = new DeliveryStore(mongo);
		store.createIndexes();
		return store;
	}

	public static DeliveryProgress recount(MongoTemplate mongo, String issueId) {
		return new DeliveryStore(mongo).recount(issueId);
	}

	public static ResponseLedger responses(MongoTemplate mongo) {
		return new MongoResponseLedger(mongo);
	}

	/**
	 * An issue's ledger as a send leaves it: one entry per subscriber, each SENT at {@code sent}.
	 * @return the entries' ids, in ledger order
	 */
	public static List<String> sent(MongoTemplate mongo, String issueId, List<String> subscriberIds, Instant sent) {
		var ledger = new SendLedger(mongo);
		ledger.freeze(issueId, subscriberIds, sent);
		List<String> ids = ledger.page(issueId, 0, subscriberIds.size()).stream().map(d -> d.getString("_id")).toList();
		ledger.recordOutcomes(issueId, ids.stream()
			.map(id -> new LedgerOutcome(id, DeliveryStatus.SENT, id + "@exemple.ca", "<" + id + ">", null, sent, 1, null,
					false))
			.toList());
		return ids;
	}

}

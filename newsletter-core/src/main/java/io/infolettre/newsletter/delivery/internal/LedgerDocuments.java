package io.infolettre.newsletter.delivery.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import org.bson.Document;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The ledger's documents: an entry per recipient ({@code deliveries}) and a head per issue
 * ({@code delivery_heads}) holding the next sequence number, the entries on the wire and the live
 * counters. Entries and heads alike are found by exact {@code _id}, which every MongoDB-wire server
 * indexes.
 */
final class LedgerDocuments {

	static final String HEADS = "delivery_heads";

	static final String ISSUE_ID = "issueId";

	static final String SUBSCRIBER_ID = "subscriberId";

	static final String STATUS = "status";

	static final String ATTEMPTS = "attempts";

	static final String RETRY_AT = "retryAt";

	/** In the head: the entry each connection has on the wire, by connection number. */
	static final String IN_FLIGHT = "inFlight";

	/** In the head: the live counter of each final status. */
	static final Map<DeliveryStatus, String> COUNTERS = Map.of(DeliveryStatus.SENT, "sent",
			DeliveryStatus.FAILED_TEMPORARY, "failedTemporary", DeliveryStatus.FAILED_PERMANENT, "failedPermanent",
			DeliveryStatus.SKIPPED, "skipped", DeliveryStatus.UNCERTAIN, "uncertain");

	private LedgerDocuments() {
	}

	static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	/**
	 * One ledger entry, by its id and its issue (the id begins with it): the issue leads the ledger's
	 * shard key, so on a sharded MongoDB a recipient's update reaches one shard, not every one.
	 */
	static Criteria entry(String deliveryId) {
		return Criteria.where("_id").is(deliveryId).and(ISSUE_ID).is(DeliveryIds.issueOf(deliveryId));
	}

	static long count(Document document, String field) {
		Object value = document.get(field);
		return value instanceof Number n ? n.longValue() : 0;
	}

	/** The entries a head marks on the wire now, or at the instant the application died. */
	static Set<String> inFlight(Document head) {
		if (head == null || !(head.get(IN_FLIGHT) instanceof Document connections)) {
			return Set.of();
		}
		Set<String> ids = new HashSet<>();
		connections.values().forEach(id -> ids.add((String) id));
		return ids;
	}

}

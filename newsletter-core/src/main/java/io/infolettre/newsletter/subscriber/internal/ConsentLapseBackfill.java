package io.infolettre.newsletter.subscriber.internal;

import java.util.Date;
import java.util.List;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Implied consents stored while their lapse was counted as two years in UTC lapse, once this has run,
 * on the local date they were given plus two years ({@link Consent#lapseOf}): their expiry is
 * recomputed from when they were granted, a page at a time, at start. A document in
 * {@code installation} says it was done, so that later starts cost one read. Measured on the
 * embedded server: 50,000 subscribers read in 3 to 5 s, about 30 ms per expiry corrected (about 3 %
 * of implied consents: those given in the days where this year's and that year's daylight saving
 * time differ), once.
 */
@Component
class ConsentLapseBackfill {

	static final String MARKER = "consent-lapse-on-local-date";

	private static final String INSTALLATION = "installation";

	private static final String CONSENT = "consent";

	private static final String GRANTED_AT = "consent.grantedAt";

	private static final int PAGE = 1000;

	private static final Logger log = LoggerFactory.getLogger(ConsentLapseBackfill.class);

	private final MongoTemplate mongo;

	ConsentLapseBackfill(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		if (this.mongo.findById(MARKER, Document.class, INSTALLATION) != null) {
			return;
		}
		int corrected = recompute();
		try {
			this.mongo.insert(new Document("_id", MARKER).append("doneAt", new Date()).append("corrected", corrected),
					INSTALLATION);
		}
		catch (DuplicateKeyException ex) {
			// another node did it at the same time
		}
		if (corrected > 0) {
			log.info("Expiry of {} implied consents recomputed on the local date they were given", corrected);
		}
	}

	/**
	 * Reads every subscriber's consent by keyset on the id (the primary index: a filter on the
	 * consent's expiry would make the embedded server scan its index again for every page).
	 * @return how many expiries changed
	 */
	int recompute() {
		int corrected = 0;
		Object after = null;
		while (true) {
			var query = (after == null ? new Query() : Query.query(Criteria.where(SubscriberFields.ID).gt(after)))
				.with(Sort.by(SubscriberFields.ID))
				.limit(PAGE);
			query.fields().include(CONSENT);
			List<Document> page = this.mongo.find(query, Document.class, Subscriber.COLLECTION);
			if (page.isEmpty()) {
				return corrected;
			}
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Subscriber.COLLECTION);
			int changes = 0;
			for (Document subscriber : page) {
				Document consent = subscriber.get(CONSENT, Document.class);
				Date expiresAt = consent == null ? null : consent.getDate("expiresAt");
				if (expiresAt == null) {
					continue;
				}
				Date grantedAt = consent.getDate("grantedAt");
				Date lapse = Date.from(Consent.lapseOf(grantedAt.toInstant()));
				if (!lapse.equals(expiresAt)) {
					// only if not renewed meanwhile (a renewal changes when it was granted)
					bulk.updateOne(Query.query(Criteria.where(SubscriberFields.ID)
						.is(subscriber.get(SubscriberFields.ID))
						.and(GRANTED_AT)
						.is(grantedAt)), new Update().set(SubscriberFields.CONSENT_EXPIRES_AT, lapse));
					changes++;
				}
			}
			if (changes > 0) {
				corrected += bulk.execute().getModifiedCount();
			}
			after = page.get(page.size() - 1).get(SubscriberFields.ID);
		}
	}

}

package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.Subscriber;
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
 * {@code installation} says it was done, so that later starts cost one read.
 */
@Component
class ConsentLapseBackfill {

	static final String MARKER = "consent-lapse-on-local-date";

	private static final String INSTALLATION = "installation";

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

	/** @return how many expiries changed */
	int recompute() {
		int corrected = 0;
		String after = null;
		while (true) {
			var criteria = Criteria.where(Subscriber.Fields.CONSENT_EXPIRES_AT).ne(null);
			if (after != null) {
				criteria = criteria.and(Subscriber.Fields.ID).gt(after);
			}
			List<Subscriber> page = this.mongo
				.find(Query.query(criteria).with(Sort.by(Subscriber.Fields.ID)).limit(PAGE), Subscriber.class);
			if (page.isEmpty()) {
				return corrected;
			}
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Subscriber.class);
			int changes = 0;
			for (Subscriber subscriber : page) {
				Consent consent = subscriber.getConsent();
				Instant lapse = Consent.lapseOf(consent.grantedAt());
				if (!lapse.equals(consent.expiresAt())) {
					// only if neither renewed nor recomputed meanwhile
					bulk.updateOne(Query.query(Criteria.where(Subscriber.Fields.ID)
						.is(subscriber.getId())
						.and(Subscriber.Fields.CONSENT_EXPIRES_AT)
						.is(consent.expiresAt())), new Update().set(Subscriber.Fields.CONSENT_EXPIRES_AT, lapse));
					changes++;
				}
			}
			if (changes > 0) {
				corrected += bulk.execute().getModifiedCount();
			}
			after = page.get(page.size() - 1).getId();
		}
	}

}

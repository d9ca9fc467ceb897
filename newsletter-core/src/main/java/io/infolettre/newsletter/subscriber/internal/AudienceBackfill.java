package io.infolettre.newsletter.subscriber.internal;

import io.infolettre.newsletter.subscriber.Companies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings subscribers stored before the search keys and companies existed up to date, once, at
 * start: their folded search keys, and a company for each company name. When nothing is missing it
 * costs one indexed query and one distinct over the company index.
 */
@Component
class AudienceBackfill {

	private static final Logger log = LoggerFactory.getLogger(AudienceBackfill.class);

	private final SubscriberStore store;

	private final Companies companies;

	AudienceBackfill(SubscriberStore store, Companies companies) {
		this.store = store;
		this.companies = companies;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		int keyed = this.store.backfillSearchKeys();
		int created = this.companies.ensureExist(this.store.companyNames());
		if (keyed > 0 || created > 0) {
			log.info("Search keys given to {} subscribers; {} companies created from their contacts", keyed, created);
		}
	}

}

package io.infolettre.newsletter.segment.internal;

import java.time.Instant;

import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who a send may reach: active subscribers whose consent is neither withdrawn nor lapsed (CASL). Every
 * audience is this AND its list or segment, so that no rule can select anyone else. A missing
 * {@code expiresAt} is express consent.
 */
final class Receivable {

	private Receivable() {
	}

	/** @param selection the list's or segment's filter, or {@code null} for the whole base */
	static Criteria and(Criteria selection, Instant now) {
		var criteria = Criteria.where(Subscriber.Fields.STATUS)
			.is(SubscriberStatus.ACTIVE.name())
			.and(Subscriber.Fields.CONSENT_WITHDRAWN_AT)
			.is(null)
			.orOperator(Criteria.where(Subscriber.Fields.CONSENT_EXPIRES_AT).is(null),
					Criteria.where(Subscriber.Fields.CONSENT_EXPIRES_AT).gt(now));
		return selection == null ? criteria : criteria.andOperator(selection);
	}

}

package io.infolettre.newsletter.segment.internal;

import java.time.Instant;

import io.infolettre.newsletter.subscriber.SubscriberFields;
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
		var criteria = Criteria.where(SubscriberFields.STATUS)
			.is(SubscriberStatus.ACTIVE.name())
			.and(SubscriberFields.CONSENT_WITHDRAWN_AT)
			.is(null)
			.orOperator(Criteria.where(SubscriberFields.CONSENT_EXPIRES_AT).is(null),
					Criteria.where(SubscriberFields.CONSENT_EXPIRES_AT).gt(now));
		return selection == null ? criteria : criteria.andOperator(selection);
	}

}

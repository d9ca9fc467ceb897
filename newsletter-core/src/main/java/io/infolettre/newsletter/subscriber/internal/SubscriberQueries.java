package io.infolettre.newsletter.subscriber.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import io.infolettre.newsletter.subscriber.SubscriberSearch;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A search as MongoDB criteria. Text is only ever a value in a criterion, escaped where it becomes
 * a regular expression, and every regular expression is an anchored prefix ({@code ^…}) on an
 * indexed field, which MongoDB answers from the index.
 */
final class SubscriberQueries {

	private SubscriberQueries() {
	}

	static List<Criteria> criteria(SubscriberSearch search) {
		List<Criteria> all = new ArrayList<>();
		if (search.text() != null) {
			all.add(text(search.text()));
		}
		if (search.company() != null) {
			all.add(Criteria.where(SubscriberFields.COMPANY_KEY).regex(prefix(SubscriberSearch.fold(search.company()))));
		}
		if (search.list() != null) {
			all.add(Criteria.where(SubscriberFields.LISTS).is(search.list()));
		}
		if (search.tag() != null) {
			all.add(Criteria.where(SubscriberFields.TAGS).is(search.tag()));
		}
		if (search.status() != null) {
			all.add(Criteria.where(SubscriberFields.STATUS).is(search.status()));
		}
		if (search.attribute() != null && search.attributeValue() != null) {
			String field = SubscriberFields.attribute(search.attribute());
			all.add(search.attributeValue() instanceof String text
					? Criteria.where(field).regex("^" + escape(text) + "$", "i") : Criteria.where(field).is(search.attributeValue()));
		}
		return all;
	}

	private static Criteria text(String text) {
		if (text.contains("@")) {
			return EmailAddress.parse(text)
				.map(email -> Criteria.where(SubscriberFields.EMAIL).is(email.value()))
				.orElseGet(() -> Criteria.where(SubscriberFields.EMAIL).regex(prefix(text.strip().toLowerCase(Locale.ROOT))));
		}
		return new Criteria().orOperator(Criteria.where(SubscriberFields.SEARCH_NAMES).regex(prefix(SubscriberSearch.fold(text))),
				Criteria.where(SubscriberFields.EMAIL).regex(prefix(text.strip().toLowerCase(Locale.ROOT))));
	}

	static String prefix(String value) {
		return "^" + escape(value);
	}

	/** Escapes every character a regular expression gives a meaning to. */
	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		for (char c : value.toCharArray()) {
			if ("\\^$.|?*+()[]{}-/".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}

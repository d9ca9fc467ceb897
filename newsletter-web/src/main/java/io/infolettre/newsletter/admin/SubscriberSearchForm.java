package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.SubscriberSearch;
import io.infolettre.newsletter.subscriber.SubscriberStatus;

/**
 * The search form of the subscribers' page, as its query string carries it (so a search can be
 * bookmarked and its pages followed).
 *
 * @param q an address prefix, or the start of a name
 * @param attribute with {@code value}: an attribute that must have this value (typed by its definition)
 * @param after the key of the page to show (from the previous page's « next »)
 */
record SubscriberSearchForm(String q, String company, String list, SubscriberStatus status, String attribute,
		String value, String tag, String after) {

	/** @throws IllegalArgumentException when the attribute is unknown or the value not of its type */
	SubscriberSearch toSearch(AttributeDefinitions definitions) {
		Object typed = null;
		if (this.attribute != null && !this.attribute.isBlank() && this.value != null && !this.value.isBlank()) {
			typed = definitions.find(this.attribute)
				.orElseThrow(() -> new IllegalArgumentException("Attribut inconnu : " + this.attribute))
				.parse(this.value)
				.orElse(null);
		}
		return new SubscriberSearch(this.q, this.company, this.list, this.status, this.attribute, typed, this.tag);
	}

	String afterOrNull() {
		return this.after == null || this.after.isBlank() ? null : this.after;
	}

}

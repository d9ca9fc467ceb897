package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * What the coordinator's search reads of a subscriber's names and company, folded (see
 * {@link SubscriberSearch}): the name's words and full forms, and the company. Stored with the
 * subscriber, and set again whenever a name or the company changes.
 */
public record SearchKeys(List<String> names, String company) {

	/** The keys of these names and company (an import's update sets them as the aggregate does). */
	public static SearchKeys of(String firstName, String lastName, String company) {
		return new SearchKeys(SubscriberSearch.nameKeys(firstName, lastName),
				company == null ? null : SubscriberSearch.fold(company));
	}

}

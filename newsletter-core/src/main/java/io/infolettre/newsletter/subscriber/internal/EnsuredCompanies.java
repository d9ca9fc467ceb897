package io.infolettre.newsletter.subscriber.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.infolettre.newsletter.subscriber.Company;

/**
 * The companies one import has made sure exist, so that a batch naming only those writes nothing:
 * on the embedded server every write command is a commit to disk. Remembers a bounded number of
 * them; past it, a batch simply makes sure again (an upsert that changes nothing).
 */
final class EnsuredCompanies {

	private static final int MOST = 10_000;

	private final Set<String> ids = ConcurrentHashMap.newKeySet();

	/** The names among these not made sure of yet by this import. */
	List<String> notYet(Collection<String> names) {
		return names.stream().filter(name -> name != null && !name.isBlank())
			.filter(name -> !this.ids.contains(Company.idOf(name)))
			.toList();
	}

	void add(Collection<String> names) {
		for (String name : names) {
			if (this.ids.size() >= MOST) {
				return;
			}
			this.ids.add(Company.idOf(name));
		}
	}

}

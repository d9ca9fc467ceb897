package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The subscribers, as the rest of the application may read them. */
public interface Subscribers {

	Optional<Subscriber> findById(String id);

	Optional<Subscriber> findByEmail(EmailAddress email);

	/** Loads many subscribers in one query; missing ids are left out. */
	List<Subscriber> findAllById(Collection<String> ids);

	long count();

	/** The names of the lists subscribers belong to, sorted. */
	List<String> listNames();

	/** The first subscribers in id order, for samples and previews. */
	List<Subscriber> firstPage(int size);

	/**
	 * One page of the subscribers matching {@code search}, in id order, after the id {@code after}
	 * ({@code null} for the first page).
	 */
	// default bodies only spare the test doubles of other modules; the store implements them all
	default SubscriberPage search(SubscriberSearch search, String after, int size) {
		throw new UnsupportedOperationException("search");
	}

	/** The contacts of a company (their {@code company} is exactly its name), by name. */
	default List<Subscriber> findByCompany(String company, int limit) {
		throw new UnsupportedOperationException("findByCompany");
	}

	/**
	 * Subscribers still counted in whose implied consent lapses at or before {@code until} (lapsed
	 * ones included), soonest first.
	 */
	default List<Subscriber> consentsLapsingBefore(Instant until, int limit) {
		throw new UnsupportedOperationException("consentsLapsingBefore");
	}

}

package io.infolettre.newsletter.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ledger keeps of what happened to a message after it left: its recipient's firsts (seen,
 * read, clicked, each link clicked), the issue's counters of opens and clicks, an unsubscribe through
 * the message, a bounce or a complaint. Written by the engagement module, which takes them in.
 */
public interface ResponseLedger {

	/** What these entries hold so far; an id of no entry is absent from the answer. */
	Map<String, EntryResponses> responses(Collection<String> deliveryIds);

	/**
	 * Sets each first once: a first already set (by another instance, an earlier batch) stays.
	 * @return the firsts this call set, each told once whatever the instance
	 */
	List<FirstResponse> markFirsts(Collection<FirstResponse> firsts);

	/** Adds a batch's opens and clicks to the issue's counters. */
	void count(String issueId, ResponseCounts counts);

	/** An unsubscribe through the entry's message, counted once per entry however many requests. */
	void recordUnsubscribe(String deliveryId, Instant at);

	/**
	 * A bounce or complaint reported after the send, kept on its entry. A hard bounce of an entry marked
	 * SENT makes it FAILED_PERMANENT (the counters follow).
	 * @return the entry as it was before, empty when there is no such entry
	 */
	Optional<Delivery> recordBounce(String deliveryId, BounceReport report, Instant at);

}

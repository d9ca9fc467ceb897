package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The unsubscribe audit log: every effective unsubscribe, kept to show that each request was
 * honoured at once (CASL gives ten business days).
 */
public interface UnsubscribeLog {

	void append(UnsubscribeEntry entry);

	/** The entries requested in [from, to), oldest first, streamed a page at a time. */
	void forEach(Instant from, Instant to, Consumer<UnsubscribeEntry> action);

	/** The entries of one subscriber, oldest first (an access request shows them). */
	List<UnsubscribeEntry> entriesFor(String subscriberId);

	/**
	 * An erased subscriber's entries keep their dates, channel and issue, and a salted hash of the
	 * address in place of the address and the subscriber's id: the log still shows that each request
	 * was honoured, and names nobody.
	 * @return how many entries were anonymised
	 */
	int anonymise(String subscriberId, String emailHash);

}

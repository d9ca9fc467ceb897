package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The unsubscribe audit log: every effective unsubscribe, kept to show that each request was
 * honoured at once (CASL gives ten business days).
 */
public interface UnsubscribeLog {

	void append(UnsubscribeEntry entry);

	/** The entries requested in [from, to), oldest first, streamed a page at a time. */
	void forEach(Instant from, Instant to, Consumer<UnsubscribeEntry> action);

}

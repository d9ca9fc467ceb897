package io.infolettre.newsletter.delivery;

import java.time.Instant;
import java.util.Set;

/**
 * What a ledger entry holds of its recipient's responses so far: its send time, and which of its
 * firsts are set (once set, each stays).
 *
 * @param sentAt when the message was sent, null when it was not
 * @param linksClicked the keys of the links its recipient clicked
 */
public record EntryResponses(String subscriberId, Instant sentAt, boolean seen, boolean read, boolean clicked,
		Set<Integer> linksClicked) {

	public EntryResponses {
		linksClicked = Set.copyOf(linksClicked);
	}

}

package io.infolettre.newsletter.delivery;

import java.time.Instant;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * A first of one ledger entry: {@link Kind#SEEN} its first event of any class, {@link Kind#READ} its
 * first read (a person's or a webmail proxy's open, or a person's click: a click implies an open),
 * {@link Kind#CLICK} its first click by a person, {@link Kind#LINK} its first click by a person on
 * this link. The ledger keeps each once.
 *
 * @param subscriberId the entry's recipient, as the writer already knows it (listeners need not
 * read the ledger again); {@code null} in a report rebuild, which counts and tells nobody
 * @param type the class of the event that made it
 * @param link the link clicked, when a click made it
 */
public record FirstResponse(String deliveryId, String subscriberId, Kind kind, Instant at, OpenClass type,
		Integer link) {

	public enum Kind {

		SEEN, READ, CLICK, LINK

	}

}

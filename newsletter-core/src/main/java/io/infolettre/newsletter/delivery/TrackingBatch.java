package io.infolettre.newsletter.delivery;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * What one batch of the open writer added to one issue, as it was written: every event, and the
 * firsts the ledger took (each set once per entry by a conditional update, so a listener that counts
 * them counts each recipient once, whatever the instance or the batch).
 *
 * @param events every open and click of the batch, classified
 * @param firsts the firsts recorded by this batch (none in ANONYMOUS tracking mode)
 */
public record TrackingBatch(String issueId, List<Event> events, List<First> firsts) {

	public TrackingBatch {
		events = List.copyOf(events);
		firsts = List.copyOf(firsts);
	}

	/** An open, or a click when it names a link (the link's key in {@code tracked_links}). */
	public record Event(Instant at, OpenClass type, Integer link) {
	}

	/**
	 * A first of one ledger entry: {@link Kind#SEEN} its first event of any class, {@link Kind#READ} its
	 * first read (a person's or a webmail proxy's open, or a person's click: a click implies an open),
	 * {@link Kind#CLICK} its first click by a person, {@link Kind#LINK} its first click by a person on
	 * this link.
	 *
	 * @param subscriberId the entry's recipient, as the writer already knows it (listeners need not
	 * read the ledger again); {@code null} in a report rebuild, which counts and tells nobody
	 * @param type the class of the event that made it
	 * @param link the link clicked, when a click made it
	 */
	public record First(String deliveryId, String subscriberId, Kind kind, Instant at, OpenClass type, Integer link) {

		public enum Kind {

			SEEN, READ, CLICK, LINK

		}

	}

}

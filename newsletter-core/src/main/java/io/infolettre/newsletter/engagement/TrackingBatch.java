package io.infolettre.newsletter.engagement;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.tracking.OpenClass;

/**
 * What one batch of the open writer added to one issue, as it was written: every event, and the
 * firsts the ledger took (each set once per entry by a conditional update, so a listener that counts
 * them counts each recipient once, whatever the instance or the batch).
 *
 * @param events every open and click of the batch, classified
 * @param firsts the firsts recorded by this batch (none in ANONYMOUS tracking mode)
 */
public record TrackingBatch(String issueId, List<Event> events, List<FirstResponse> firsts) {

	public TrackingBatch {
		events = List.copyOf(events);
		firsts = List.copyOf(firsts);
	}

	/** An open, or a click when it names a link (the link's key in {@code tracked_links}). */
	public record Event(Instant at, OpenClass type, Integer link) {
	}

}

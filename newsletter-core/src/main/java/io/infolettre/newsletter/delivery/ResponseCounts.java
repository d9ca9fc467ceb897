package io.infolettre.newsletter.delivery;

import java.util.Map;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * What a batch of opens and clicks adds to an issue's counters.
 *
 * @param opens the opens by class
 * @param clicks the clicks by class
 * @param read the recipients who read it for the first time
 * @param clicked the recipients who clicked for the first time
 */
public record ResponseCounts(Map<OpenClass, Long> opens, Map<OpenClass, Long> clicks, long read, long clicked) {

	public ResponseCounts {
		opens = Map.copyOf(opens);
		clicks = Map.copyOf(clicks);
	}

}

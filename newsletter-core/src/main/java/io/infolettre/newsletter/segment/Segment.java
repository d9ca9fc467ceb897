package io.infolettre.newsletter.segment;

import java.time.Instant;

/**
 * A saved dynamic segment: a name for a set of rules, evaluated each time it is counted or sent to.
 *
 * @param id its key in {@code segments}
 * @param rules the root group
 */
public record Segment(String id, String name, String description, SegmentRule.Group rules, Instant createdAt,
		Instant updatedAt) {

	public static final String COLLECTION = "segments";

}

package io.infolettre.newsletter.delivery;

import java.util.Map;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * The opens (or the clicks) recorded for an issue.
 *
 * @param unique recipients who read it (opens), or followed a link (clicks), counted once each and
 * only for what a person did
 * @param events every open (or click) written so far, repeated ones and machines' included
 * @param byClass the events by class (a class nobody fell in is absent)
 */
public record EventCounts(long unique, long events, Map<OpenClass, Long> byClass) {

	public static final EventCounts NONE = new EventCounts(0, 0, Map.of());

	public EventCounts {
		byClass = Map.copyOf(byClass);
	}

	public long of(OpenClass type) {
		return this.byClass.getOrDefault(type, 0L);
	}

}

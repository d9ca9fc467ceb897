package io.infolettre.newsletter.delivery;

import java.util.Map;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * Every open recorded for an issue, repeated ones included, and how they were classified.
 *
 * @param events all opens written so far
 * @param byClass the same, by class (a class nobody fell in is absent)
 */
public record OpenCounts(long events, Map<OpenClass, Long> byClass) {

	public static final OpenCounts NONE = new OpenCounts(0, Map.of());

	public OpenCounts {
		byClass = Map.copyOf(byClass);
	}

	public long of(OpenClass type) {
		return this.byClass.getOrDefault(type, 0L);
	}

}

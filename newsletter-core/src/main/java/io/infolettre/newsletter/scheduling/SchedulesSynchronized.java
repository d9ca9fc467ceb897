package io.infolettre.newsletter.scheduling;

import java.time.Instant;

/**
 * This instance has just brought its send triggers in line with MongoDB (at start, then every
 * {@code newsletter.scheduling.sync-interval}): a beat other scheduled work can follow.
 */
public record SchedulesSynchronized(Instant at) {
}

package io.infolettre.newsletter.report;

import java.time.Instant;

/**
 * Recipients who first read the issue in [from, to): an hour during the first 48 hours after the send
 * started, a day after that, up to seven days.
 *
 * @param cumulative the recipients who had read it by {@code to}
 */
public record TimelinePoint(Instant from, Instant to, boolean hourly, long reads, long cumulative) {
}

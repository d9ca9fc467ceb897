/**
 * Reports: what happened to an issue once sent — delivered, opened, clicked, unsubscribed, bounced —
 * from counters kept as the events arrive (and rebuilt on demand from the ledger and the raw events),
 * across issues, by subscriber attribute and by subscriber.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
		allowedDependencies = { "issue", "delivery", "engagement", "tracking", "subscriber" })
package io.infolettre.newsletter.report;

/**
 * The JSON REST API under {@code /api/v1}: issues, scheduling, series and the calendar, sending,
 * reports, the delivery ledger, bounces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API",
		allowedDependencies = { "issue", "delivery", "scheduling", "composition", "report", "rendering", "segment",
				"subscriber",
				"reconciliation", "series", "tracking", "engagement", "media", "people", "system" })
package io.infolettre.newsletter.api;

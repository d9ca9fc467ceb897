/**
 * The coordinator's pages: the calendar of sends to come, issues (preview, scheduling, send controls,
 * progress, report, reconciliation), recurring series, and the development Outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin UI",
		allowedDependencies = { "issue", "delivery", "scheduling", "composition", "report", "rendering", "subscriber",
				"segment", "system",
				"reconciliation", "series", "media", "people" })
package io.infolettre.newsletter.admin;

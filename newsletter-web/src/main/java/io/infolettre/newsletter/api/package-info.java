/**
 * The JSON REST API under {@code /api/v1}: issues, sending, reports, the delivery ledger, bounces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API",
		allowedDependencies = { "issue", "delivery", "report", "rendering", "segment", "subscriber",
				"reconciliation" })
package io.infolettre.newsletter.api;

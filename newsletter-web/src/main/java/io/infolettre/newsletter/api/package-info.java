/**
 * The JSON REST API under {@code /api/v1}: issues, sending, reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API",
		allowedDependencies = { "issue", "delivery", "report", "rendering", "segment", "subscriber" })
package io.infolettre.newsletter.api;

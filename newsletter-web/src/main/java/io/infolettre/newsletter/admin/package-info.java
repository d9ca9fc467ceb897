/**
 * The coordinator's pages: issues (preview, send controls, progress, report, reconciliation) and the
 * development Outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin UI",
		allowedDependencies = { "issue", "delivery", "report", "rendering", "subscriber", "segment", "system",
				"reconciliation" })
package io.infolettre.newsletter.admin;

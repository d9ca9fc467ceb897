/**
 * The coordinator's pages: issues (preview, send, progress, report) and the development Outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin UI",
		allowedDependencies = { "issue", "delivery", "report", "rendering", "subscriber", "segment", "system" })
package io.infolettre.newsletter.admin;

/**
 * Scheduling: when sends start. The coordinator's send commands (now, at a time within a window,
 * pause, resume, cancel, resend to those not reached) and Quartz triggers that fire each issue at its
 * instant on the one instance that takes its lease; the triggers follow the issues in MongoDB, the
 * source of truth. The send itself is the engine's ({@code delivery}), which this module asks to run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling",
		allowedDependencies = { "issue", "delivery", "delivery :: spi", "composition", "rendering", "segment" })
package io.infolettre.newsletter.scheduling;

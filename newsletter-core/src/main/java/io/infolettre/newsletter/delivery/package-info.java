/**
 * Delivery: the send engine. Freezes an issue's recipients into the delivery ledger, then renders
 * and sends one message per ledger entry in a Spring Batch job started through Quartz.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery",
		allowedDependencies = { "subscriber", "segment", "issue", "rendering", "tracking", "shared" })
package io.infolettre.newsletter.delivery;

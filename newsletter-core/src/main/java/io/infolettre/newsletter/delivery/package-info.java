/**
 * Delivery: the send engine. Freezes an issue's recipients into the delivery ledger, then renders
 * and sends one message per ledger entry in a Spring Batch job, run when the scheduler asks
 * ({@link io.infolettre.newsletter.delivery.SendEngine}); test messages, and a message as its
 * recipient received it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery",
		allowedDependencies = { "subscriber", "segment", "issue", "rendering", "tracking", "composition", "shared" })
package io.infolettre.newsletter.delivery;

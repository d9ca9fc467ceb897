/**
 * Public pages a member reaches from a message: open pixel and unsubscribe. Every URL carries a
 * signed opaque token; an invalid token gets a 404 that says nothing about any address. Also the
 * public subscription form and its double opt-in confirmation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recipient pages",
		allowedDependencies = { "delivery", "delivery :: spi", "engagement", "tracking", "rendering", "subscriber", "media" })
package io.infolettre.newsletter.recipient;

/**
 * The ports the send engine works through: the relay it delivers to (implemented with Jakarta Mail in
 * {@code internal}), and the claims on sends (implemented by the scheduling module's leases).
 */
@org.springframework.modulith.NamedInterface("spi")
package io.infolettre.newsletter.delivery.spi;

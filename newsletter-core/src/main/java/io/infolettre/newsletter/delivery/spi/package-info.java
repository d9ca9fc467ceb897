/**
 * The port the send engine delivers through; implemented with Jakarta Mail in {@code internal}.
 */
@org.springframework.modulith.NamedInterface("spi")
package io.infolettre.newsletter.delivery.spi;

/**
 * Mail: the relay the send engine delivers through, behind its port
 * ({@link io.infolettre.newsletter.delivery.spi.MailGateway}). Jakarta Mail (Angus) over SMTP with
 * one connection kept open per lane, relays tried in order, and its own one-pass MIME writer (RFC 5322
 * headers folded, RFC 2047 encoded-words, quoted-printable bodies). Everything is in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
		allowedDependencies = { "delivery", "delivery :: spi" })
package io.infolettre.newsletter.mail;

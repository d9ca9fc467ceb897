package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * A subscription request stored and waiting for its confirmation, whose email is to be sent. It
 * carries nothing the visitor typed but the address: the email must not carry a stranger's words to
 * whoever owns the address.
 *
 * @param requestId 32 hexadecimal digits; only ever sent inside a signed, encrypted token
 * @param language the language of the form, fr or en
 */
public record PendingSubscription(String requestId, EmailAddress email, String language, Instant expiresAt) {
}

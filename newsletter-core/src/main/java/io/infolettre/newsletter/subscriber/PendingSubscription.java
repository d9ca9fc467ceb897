package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * A subscription request stored and waiting for its confirmation.
 *
 * @param requestId 32 hexadecimal digits; only ever sent inside a signed, encrypted token
 * @param confirmationWanted false when no confirmation email must go out (the address complained
 * about our messages: we never write to it again)
 */
public record PendingSubscription(String requestId, EmailAddress email, String firstName, String language,
		Instant expiresAt, boolean confirmationWanted) {
}

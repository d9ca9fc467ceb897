package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;

import io.infolettre.newsletter.delivery.DeliveryStatus;

import org.springframework.data.mongodb.core.query.Update;

import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.ATTEMPTS;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.RETRY_AT;
import static io.infolettre.newsletter.delivery.internal.LedgerDocuments.STATUS;

/**
 * The result of one attempt at one ledger entry. A temporary failure with attempts left stays
 * PENDING with the time of its next attempt.
 *
 * @param attempts the attempts made so far, this one included (0 when nothing was tried)
 * @param possibleDuplicate whether an earlier attempt may have reached the relay (its reply was lost
 * with the connection)
 */
record LedgerOutcome(String deliveryId, DeliveryStatus status, String email, String messageId, String error,
		Instant at, int attempts, Instant retryAt, boolean possibleDuplicate) {

	LedgerOutcome markedPossibleDuplicate() {
		return new LedgerOutcome(this.deliveryId, this.status, this.email, this.messageId, this.error, this.at,
				this.attempts, this.retryAt, true);
	}

	static LedgerOutcome skipped(String deliveryId, DeliveryStatus status, String email, String reason, Instant at) {
		return new LedgerOutcome(deliveryId, status, email, null, reason, at, 0, null, false);
	}

	/** The change to the entry; a flag once set (possible duplicate) is never cleared. */
	Update toUpdate() {
		var update = new Update().set(STATUS, this.status.name()).set("updatedAt", this.at);
		if (this.email != null) {
			update.set("email", this.email);
		}
		if (this.attempts > 0) {
			update.set(ATTEMPTS, this.attempts);
		}
		if (this.possibleDuplicate) {
			update.set("possibleDuplicate", true);
		}
		if (this.status == DeliveryStatus.SENT) {
			update.set("messageId", this.messageId).set("sentAt", this.at).unset("error").unset(RETRY_AT);
		}
		else {
			update.set("error", this.error);
			if (this.retryAt != null) {
				update.set(RETRY_AT, this.retryAt);
			}
			else {
				update.unset(RETRY_AT);
			}
		}
		return update;
	}

}

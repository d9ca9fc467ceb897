package io.infolettre.newsletter.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** One entry of the delivery ledger: one recipient of one issue, unique per (issue, subscriber). */
@Document(Delivery.COLLECTION)
public class Delivery {

	public static final String COLLECTION = "deliveries";

	@Id
	private String id;

	private String issueId;

	private String subscriberId;

	private DeliveryStatus status;

	private String email;

	private String messageId;

	private Instant sentAt;

	private String error;

	private Instant openedAt;

	private Instant unsubscribedAt;

	private int attempts;

	private Instant retryAt;

	private boolean possibleDuplicate;

	private Instant updatedAt;

	@PersistenceCreator
	Delivery() {
	}

	public String getId() {
		return this.id;
	}

	public String getIssueId() {
		return this.issueId;
	}

	public String getSubscriberId() {
		return this.subscriberId;
	}

	public DeliveryStatus getStatus() {
		return this.status;
	}

	public String getEmail() {
		return this.email;
	}

	public String getMessageId() {
		return this.messageId;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public String getError() {
		return this.error;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getUnsubscribedAt() {
		return this.unsubscribedAt;
	}

	/** Attempts made so far (several after temporary failures). */
	public int getAttempts() {
		return this.attempts;
	}

	/** When a temporary failure is tried again; null otherwise. */
	public Instant getRetryAt() {
		return this.retryAt;
	}

	/**
	 * The message was on the wire when the application died and was sent again: the member may have
	 * received it twice.
	 */
	public boolean isPossibleDuplicate() {
		return this.possibleDuplicate;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}

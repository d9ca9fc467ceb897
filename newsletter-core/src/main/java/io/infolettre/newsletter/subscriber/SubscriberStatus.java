package io.infolettre.newsletter.subscriber;

public enum SubscriberStatus {

	PENDING_CONFIRMATION, ACTIVE, UNSUBSCRIBED, BOUNCED, COMPLAINED;

	public boolean canReceive() {
		return this == ACTIVE;
	}

}

package io.infolettre.newsletter.audit;

/** What an audit entry is about. */
public enum AuditKind {

	ISSUE, SUBSCRIBER, LIST, SEGMENT, COMPANY, ATTRIBUTE, IMPORT, TEMPLATE, SERIES, MEDIA, SAVED_BLOCK, SETTING,
	PERSON, TOKEN, CONSENT;

	/**
	 * Whether its entries name a subscriber (their label and values are personal data, anonymised
	 * when the subscriber is erased).
	 */
	public boolean aboutSubscriber() {
		return this == SUBSCRIBER || this == CONSENT;
	}

}

package io.infolettre.newsletter.subscriber;

/** How an unsubscribe request arrived, as the audit log records it. */
public enum UnsubscribeChannel {

	/** A mail client's one-click request (RFC 8058 {@code List-Unsubscribe-Post}). */
	ONE_CLICK,

	/** The button of the unsubscribe page a message links to. */
	UNSUBSCRIBE_PAGE,

	/** "Unsubscribe from everything" in the preference center. */
	PREFERENCE_CENTER,

	/** An email to the unsubscribe address of {@code List-Unsubscribe}. */
	EMAIL,

	/** The coordinator, on the member's behalf. */
	ADMIN,

	/** The member marked a message as spam (a complaint reported by the mailbox provider). */
	COMPLAINT,

	/** The coordinator imported a file of addresses to unsubscribe or block. */
	ADMIN_IMPORT

}

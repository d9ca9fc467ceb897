package io.infolettre.newsletter.subscriber;

/**
 * The names of a subscriber document's fields, for the queries of other modules' internals (segments,
 * the send's recipient reader) and of this one's: one place to rename them.
 */
public final class SubscriberFields {

	public static final String ID = "_id";

	public static final String STATUS = "status";

	public static final String LISTS = "lists";

	public static final String EMAIL = "email";

	public static final String FIRST_NAME = "firstName";

	public static final String LAST_NAME = "lastName";

	public static final String COMPANY = "company";

	public static final String LANGUAGE = "language";

	public static final String TAGS = "tags";

	/** Prefix of a typed attribute: {@code attributes.secteur}. */
	public static final String ATTRIBUTES = "attributes";

	public static final String CONSENT_TYPE = "consent.type";

	public static final String CONSENT_EXPIRES_AT = "consent.expiresAt";

	public static final String CONSENT_WITHDRAWN_AT = "consent.withdrawnAt";

	public static final String CREATED_AT = "createdAt";

	/** The ids of the last issues this subscriber opened (at most {@code ENGAGEMENT_KEPT}). */
	public static final String ENGAGEMENT_OPENED_ISSUES = "engagement.openedIssues";

	public static final String ENGAGEMENT_LAST_OPENED_AT = "engagement.lastOpenedAt";

	/** How many opened issues a subscriber keeps: enough for "opened one of the last 24". */
	public static final int ENGAGEMENT_KEPT = 24;

	/** Folded (lower case, no accents) words and full forms of the name, for prefix search. */
	public static final String SEARCH_NAMES = "searchNames";

	/** The company name folded, for prefix search. */
	public static final String COMPANY_KEY = "companyKey";

	public static final String UPDATED_AT = "updatedAt";

	public static final String HARD_BOUNCES = "hardBounces";

	public static String attribute(String name) {
		return ATTRIBUTES + "." + name;
	}

	private SubscriberFields() {
	}

}

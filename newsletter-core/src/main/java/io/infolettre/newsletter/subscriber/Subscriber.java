package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who may receive the newsletter. Guards its own status transitions: once unsubscribed it
 * stays so until it subscribes again through a consent-giving path.
 */
@Document(Subscriber.COLLECTION)
public class Subscriber {

	public static final String COLLECTION = "subscribers";

	/** Field names used in queries by other modules' internals; one place to rename them. */
	public static final class Fields {

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

		public static String attribute(String name) {
			return ATTRIBUTES + "." + name;
		}

		private Fields() {
		}

	}

	@Id
	private String id;

	@Indexed(unique = true)
	private String email;

	private String firstName;

	private String lastName;

	private String company;

	private String language;

	private Map<String, Object> attributes;

	private Set<String> lists;

	private Set<String> tags;

	private SubscriberStatus status;

	private Consent consent;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant unsubscribedAt;

	private int hardBounces;

	private boolean trackingRefused;

	@PersistenceCreator
	Subscriber() {
	}

	public Subscriber(EmailAddress email, String firstName, String lastName, String company, String language,
			Consent consent, Instant now) {
		this.email = email.value();
		this.firstName = firstName;
		this.lastName = lastName;
		this.company = company;
		this.language = language == null ? "fr" : language;
		this.attributes = new LinkedHashMap<>();
		this.lists = new LinkedHashSet<>();
		this.tags = new LinkedHashSet<>();
		this.status = SubscriberStatus.ACTIVE;
		if (consent == null) {
			throw new IllegalArgumentException("A subscriber is added with the proof of their consent");
		}
		this.consent = consent;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A subscriber who cannot receive anything and has given no consent: an address blocked by an
	 * unsubscribe import ({@link SubscriberStatus#UNSUBSCRIBED}), or one waiting for the confirmation of
	 * a subscription form ({@link SubscriberStatus#PENDING_CONFIRMATION}). Its consent is null until a
	 * consent-giving path (confirming the form) records one.
	 */
	static Subscriber withoutConsent(EmailAddress email, SubscriberStatus status, String language, Instant now) {
		if (status.canReceive()) {
			throw new IllegalArgumentException("A subscriber who may receive mail has a consent");
		}
		var subscriber = new Subscriber();
		subscriber.email = email.value();
		subscriber.language = language == null ? "fr" : language;
		subscriber.attributes = new LinkedHashMap<>();
		subscriber.lists = new LinkedHashSet<>();
		subscriber.tags = new LinkedHashSet<>();
		subscriber.status = status;
		subscriber.createdAt = now;
		subscriber.updatedAt = now;
		subscriber.unsubscribedAt = status == SubscriberStatus.UNSUBSCRIBED ? now : null;
		return subscriber;
	}

	/** For {@link #withoutConsent}: names given with a subscription request. */
	Subscriber withNames(String firstName, String lastName, String company) {
		this.firstName = firstName;
		this.lastName = lastName;
		this.company = company;
		return this;
	}

	/** A typed value (text, number, boolean, ISO date string), as {@link AttributeType} parses it. */
	public Subscriber withAttribute(String name, Object value) {
		this.attributes.put(name, value);
		return this;
	}

	public Subscriber withTag(String tag) {
		if (this.tags == null) {
			this.tags = new LinkedHashSet<>();
		}
		this.tags.add(tag);
		return this;
	}

	public Subscriber addToList(String list) {
		this.lists.add(list);
		return this;
	}

	public String getId() {
		return this.id;
	}

	public EmailAddress getEmail() {
		return new EmailAddress(this.email);
	}

	public String getFirstName() {
		return this.firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public String getFullName() {
		return String.join(" ", nonNull(this.firstName), nonNull(this.lastName)).strip();
	}

	public String getCompany() {
		return this.company;
	}

	public String getLanguage() {
		return this.language;
	}

	public Map<String, Object> getAttributes() {
		return Map.copyOf(this.attributes == null ? Map.of() : this.attributes);
	}

	public Set<String> getTags() {
		return Set.copyOf(this.tags == null ? Set.of() : this.tags);
	}

	public Set<String> getLists() {
		return Set.copyOf(this.lists == null ? Set.of() : this.lists);
	}

	public SubscriberStatus getStatus() {
		return this.status;
	}

	public Consent getConsent() {
		return this.consent;
	}

	/**
	 * Whether a send may select this subscriber at {@code now}: active, with a consent neither
	 * withdrawn nor lapsed. The segment query says the same in MongoDB terms.
	 */
	public boolean mayReceiveAt(Instant now) {
		return this.status.canReceive() && this.consent != null && this.consent.isValidAt(now);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUnsubscribedAt() {
		return this.unsubscribedAt;
	}

	/** The member refused to be tracked (preference center): no pixel, no rewritten links. */
	public boolean isTrackingRefused() {
		return this.trackingRefused;
	}

	public int getHardBounces() {
		return this.hardBounces;
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

}

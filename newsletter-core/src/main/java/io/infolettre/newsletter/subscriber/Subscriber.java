package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A person who may receive the newsletter: who they are, the lists, tags and attributes segments
 * select them by, and their {@link Standing} (status and consent). Guards its own status transitions
 * — unsubscribe, complaint, hard bounce, confirmation; once unsubscribed it stays so until it subscribes again through a
 * consent-giving path. {@link SubscriberManagement} stores each change only if nobody changed the
 * subscriber meanwhile.
 */
@Document(Subscriber.COLLECTION)
public class Subscriber {

	public static final String COLLECTION = "subscribers";

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

	@Unwrapped.Empty
	private Standing standing;

	private Instant createdAt;

	private Instant updatedAt;

	private boolean trackingRefused;

	private List<String> searchNames;

	private String companyKey;

	@PersistenceCreator
	Subscriber() {
	}

	public Subscriber(EmailAddress email, String firstName, String lastName, String company, String language,
			Consent consent, Instant now) {
		this.email = email.value();
		this.firstName = SingleLine.of(firstName);
		this.lastName = SingleLine.of(lastName);
		this.company = SingleLine.of(company);
		this.language = language == null ? "fr" : language;
		this.attributes = new LinkedHashMap<>();
		this.lists = new LinkedHashSet<>();
		this.tags = new LinkedHashSet<>();
		this.standing = Standing.active(consent);
		this.createdAt = now;
		this.updatedAt = now;
		refreshSearchKeys();
	}

	/**
	 * A subscriber who cannot receive anything and has given no consent: an address blocked by an
	 * unsubscribe import ({@link SubscriberStatus#UNSUBSCRIBED}), or one waiting for the confirmation of
	 * a subscription form ({@link SubscriberStatus#PENDING_CONFIRMATION}). Its consent is null until a
	 * consent-giving path (confirming the form) records one.
	 */
	public static Subscriber withoutConsent(EmailAddress email, SubscriberStatus status, String language, Instant now) {
		var standing = Standing.withoutConsent(status, now);
		var subscriber = new Subscriber();
		subscriber.email = email.value();
		subscriber.language = language == null ? "fr" : language;
		subscriber.attributes = new LinkedHashMap<>();
		subscriber.lists = new LinkedHashSet<>();
		subscriber.tags = new LinkedHashSet<>();
		subscriber.standing = standing;
		subscriber.createdAt = now;
		subscriber.updatedAt = now;
		return subscriber;
	}

	/** For {@link #withoutConsent}: names given with a subscription request. */
	Subscriber withNames(String firstName, String lastName, String company) {
		this.firstName = SingleLine.of(firstName);
		this.lastName = SingleLine.of(lastName);
		this.company = SingleLine.of(company);
		refreshSearchKeys();
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

	/**
	 * The coordinator corrects the person's details, each made one line ({@link SingleLine}); blank
	 * names and company are left empty; the language is fr or en.
	 */
	public Subscriber editDetails(String firstName, String lastName, String company, String language,
			boolean trackingRefused, Instant at) {
		if (!"fr".equals(language) && !"en".equals(language)) {
			throw new IllegalArgumentException("Langue inconnue : " + language);
		}
		this.firstName = SingleLine.of(firstName);
		this.lastName = SingleLine.of(lastName);
		this.company = SingleLine.of(company);
		this.language = language;
		this.trackingRefused = trackingRefused;
		return touched(at);
	}

	/**
	 * Sets a typed attribute from what a person typed, checked against its definition; a blank value
	 * removes it.
	 * @throws IllegalArgumentException naming the attribute and the expected type
	 */
	public Subscriber setAttribute(AttributeDefinition definition, String raw, Instant at) {
		var value = definition.parse(raw);
		if (this.attributes == null) {
			this.attributes = new LinkedHashMap<>();
		}
		value.ifPresentOrElse(v -> this.attributes.put(definition.name(), v),
				() -> this.attributes.remove(definition.name()));
		return touched(at);
	}

	public Subscriber joinList(String list, Instant at) {
		if (this.lists == null) {
			this.lists = new LinkedHashSet<>();
		}
		addToList(requireName(list, "liste"));
		return touched(at);
	}

	public Subscriber leaveList(String list, Instant at) {
		if (this.lists != null) {
			this.lists.remove(list);
		}
		return touched(at);
	}

	public Subscriber tag(String tag, Instant at) {
		withTag(requireName(tag, "étiquette"));
		return touched(at);
	}

	public Subscriber untag(String tag, Instant at) {
		if (this.tags != null) {
			this.tags.remove(tag);
		}
		return touched(at);
	}

	/** The person's new address; whether another subscriber has it is the store's to check. */
	public Subscriber changeEmail(EmailAddress email, Instant at) {
		this.email = email.value();
		return touched(at);
	}

	/**
	 * The relationship behind an implied consent was confirmed again (membership renewed): it runs two
	 * more years. Express consent never lapses, and a withdrawn one is not revived this way.
	 */
	public Subscriber renewConsent(Instant at) {
		this.standing.renewConsent(at);
		return touched(at);
	}

	/**
	 * Express consent the person gave outside the platform (a signed paper form), recorded by the
	 * coordinator with its proof. It replaces the previous consent and, being a new consent, brings an
	 * unsubscribed or unconfirmed person back; bounced and complained addresses keep their status.
	 */
	public Subscriber recordExpressConsent(String source, String proof, Instant at) {
		this.standing.expressConsentOnPaper(source, proof, at);
		return touched(at);
	}

	/**
	 * The person confirmed a subscription request through the link sent to this address: its express
	 * consent replaces the previous one, the lists chosen are added, and the address receives again
	 * (an unsubscribe is undone by this new consent; the link reached the mailbox, so its bounces are
	 * forgotten). What a visitor typed in the public form never replaces a known person's details:
	 * only a subscriber the form created and nobody confirmed yet takes the names, company and
	 * language of the request confirmed.
	 */
	public Subscriber confirmSubscription(SubscriptionRequest request, Consent consent, Instant at) {
		boolean created = this.standing.awaitsItsFirstConfirmation();
		this.standing.confirmed(consent);
		if (created) {
			this.firstName = request.firstName() != null ? request.firstName() : this.firstName;
			this.lastName = request.lastName() != null ? request.lastName() : this.lastName;
			this.company = request.company() != null ? request.company() : this.company;
			this.language = request.language();
		}
		if (this.lists == null) {
			this.lists = new LinkedHashSet<>();
		}
		this.lists.addAll(request.lists());
		return touched(at);
	}

	/**
	 * The person asks to receive nothing more, through {@code channel}: honoured at once whatever
	 * their status (CASL), and their consent is withdrawn so that no segment selects them again.
	 * @param issueId the issue whose message the request came through, if any
	 * @return false, changing and recording nothing, when they are unsubscribed already (a mail
	 * client may post the one-click request twice)
	 */
	public boolean unsubscribe(UnsubscribeChannel channel, String issueId, Instant at) {
		if (!this.standing.unsubscribe(at)) {
			return false;
		}
		touched(at);
		return true;
	}

	/**
	 * The person marked a message as spam (their mailbox provider reported it): no send reaches them
	 * again, and no import or form writes to them.
	 * @return false, changing nothing, when their complaint is recorded already
	 */
	public boolean markComplained(Instant at) {
		if (!this.standing.complain(at)) {
			return false;
		}
		touched(at);
		return true;
	}

	/**
	 * A relay refused the address for good. Every refusal counts, whatever the status; an active
	 * subscriber whose count reaches {@code threshold} becomes BOUNCED and is no longer selected for
	 * any send. A refusal that changes no status leaves the update time alone: a coordinator's page
	 * shown before it still saves.
	 * @return whether this refusal made the subscriber BOUNCED (one bounced already stays so)
	 */
	public boolean recordHardBounce(int threshold, Instant at) {
		if (!this.standing.hardBounce(threshold, at)) {
			return false;
		}
		this.updatedAt = at;
		return true;
	}

	/**
	 * The member's choices in the preference center: they leave the lists they did not keep (a
	 * member only ever leaves lists here), read in {@code language}, and refuse tracking or not.
	 */
	public Subscriber choosePreferences(Preferences preferences, Instant at) {
		if (this.lists != null) {
			this.lists.retainAll(preferences.lists());
		}
		this.language = preferences.language();
		this.trackingRefused = preferences.trackingRefused();
		return touched(at);
	}

	/** What happened since the subscriber was read, to publish once the change is stored. */
	private Subscriber touched(Instant at) {
		this.updatedAt = at;
		refreshSearchKeys();
		return this;
	}

	/** Recomputes the folded keys the search reads; called on every change of a name or company. */
	private void refreshSearchKeys() {
		var keys = searchKeys();
		this.searchNames = keys.names();
		this.companyKey = keys.company();
	}

	/** The folded keys the search reads, as this subscriber's names and company make them. */
	public SearchKeys searchKeys() {
		return SearchKeys.of(this.firstName, this.lastName, this.company);
	}

	private static String requireName(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Nom de " + what + " vide");
		}
		return value.strip();
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
		return this.standing.status();
	}

	public Consent getConsent() {
		return this.standing.consent();
	}

	/**
	 * Whether a send may select this subscriber at {@code now}: active, with a consent neither
	 * withdrawn nor lapsed. The segment query says the same in MongoDB terms.
	 */
	public boolean mayReceiveAt(Instant now) {
		return this.standing.mayReceiveAt(now);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getUnsubscribedAt() {
		return this.standing.unsubscribedAt();
	}

	/** The member refused to be tracked (preference center): no pixel, no rewritten links. */
	public boolean isTrackingRefused() {
		return this.trackingRefused;
	}

	public int getHardBounces() {
		return this.standing.hardBounces();
	}

	/** When a relay last refused the address for good; {@code null} when none ever did. */
	public Instant getLastBounceAt() {
		return this.standing.lastBounceAt();
	}

	/** When the address became BOUNCED. */
	public Instant getBouncedAt() {
		return this.standing.bouncedAt();
	}

	/** When the person's complaint (a message marked as spam) was recorded. */
	public Instant getComplainedAt() {
		return this.standing.complainedAt();
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

}

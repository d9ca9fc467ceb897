package io.infolettre.newsletter.subscriber.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriptionRequest;
import io.infolettre.newsletter.subscriber.Subscriptions.Confirmation;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * Subscription requests in {@code subscription_requests}, keyed {@code req-<32 hex digits>} (random,
 * never shown in clear: the link carries it encrypted). A confirmation is claimed by a conditional
 * update, so two clicks at once confirm once; the subscriber then changes through its aggregate
 * ({@link Subscriber#confirmSubscription}), written by {@link SubscriberChanges} whatever changed it
 * meanwhile.
 */
@Repository
public class SubscriptionStore {

	static final String COLLECTION = "subscription_requests";

	private static final String PREFIX = "req-";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss z");

	private static final int ATTEMPTS = 5;

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final SubscriberStore subscribers;

	private final SubscriberChanges changes;

	SubscriptionStore(MongoTemplate mongo, SubscriberStore subscribers, SubscriberChanges changes) {
		this.mongo = mongo;
		this.subscribers = subscribers;
		this.changes = changes;
	}

	@PostConstruct
	void createIndexes() {
		// what the per-address limit counts
		Indexes.create(this.mongo.indexOps(COLLECTION), new Index().on("email", Sort.Direction.ASC)
			.on("requestedAt", Sort.Direction.ASC)
			.named("email_requested_at"));
	}

	public Subscriber findByEmail(EmailAddress email) {
		return this.subscribers.findByEmail(email).orElse(null);
	}

	public void insertPending(Subscriber pending) {
		// a request at the same moment for the same address: the first one stays
		this.subscribers.insertNew(List.of(pending));
	}

	/** How many requests for this address were stored at or after {@code since}. */
	public long countRequestsSince(EmailAddress email, Instant since) {
		return this.mongo.count(Query.query(Criteria.where("email").is(email.value()).and("requestedAt").gte(since)),
				COLLECTION);
	}

	/** @return the request's id: 32 hexadecimal digits */
	public String saveRequest(SubscriptionRequest request, Instant at, Instant expiresAt) {
		byte[] id = new byte[16];
		this.random.nextBytes(id);
		String hex = HexFormat.of().formatHex(id);
		this.mongo.insert(new Document("_id", PREFIX + hex).append("email", request.email().value())
			.append("firstName", request.firstName())
			.append("lastName", request.lastName())
			.append("company", request.company())
			.append("language", request.language())
			.append("lists", new ArrayList<>(request.lists()))
			.append("consentText", request.consentText())
			.append("ipAddress", request.ipAddress())
			.append("requestedAt", Date.from(at))
			.append("expiresAt", Date.from(expiresAt)), COLLECTION);
		return hex;
	}

	public Confirmation confirm(String requestId, String ipAddress, Instant at) {
		var unconfirmed = Query.query(Criteria.where("_id").is(PREFIX + requestId).and("confirmedAt").is(null));
		Document request = this.mongo.findAndModify(unconfirmed,
				new Update().set("confirmedAt", Date.from(at)).set("confirmedFrom", ipAddress),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
		if (request == null) {
			return this.mongo.findById(PREFIX + requestId, Document.class, COLLECTION) == null ? Confirmation.UNKNOWN
					: Confirmation.ALREADY_CONFIRMED;
		}
		Instant requestedAt = request.getDate("requestedAt").toInstant();
		String source = "Formulaire d’inscription : demandé le " + time(requestedAt) + " depuis "
				+ request.getString("ipAddress") + ", confirmé le " + time(at) + " depuis " + ipAddress;
		Consent consent = Consent.express(Consent.Channel.FORM, source, request.getString("consentText"),
				request.getString("ipAddress"), at);
		var typed = new SubscriptionRequest(new EmailAddress(request.getString("email")), request.getString("firstName"),
				request.getString("lastName"), request.getString("company"), request.getString("language"),
				new LinkedHashSet<>(request.getList("lists", String.class)), request.getString("consentText"),
				request.getString("ipAddress"));
		try {
			record(typed, consent, at);
		}
		catch (RuntimeException ex) {
			// not recorded: the link must work when clicked again
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(PREFIX + requestId)),
					new Update().unset("confirmedAt").unset("confirmedFrom"), COLLECTION);
			throw ex;
		}
		return Confirmation.CONFIRMED;
	}

	private void record(SubscriptionRequest typed, Consent consent, Instant at) {
		for (int attempt = 1;; attempt++) {
			Subscriber known = findByEmail(typed.email());
			if (known != null && this.changes.transition(known.getId(), subscriber -> {
				subscriber.confirmSubscription(typed, consent, at);
				return true;
			}).isPresent()) {
				return;
			}
			// erased since the request (or just now): the confirmation is a new subscription
			var subscriber = new Subscriber(typed.email(), typed.firstName(), typed.lastName(), typed.company(),
					typed.language(), consent, at);
			typed.lists().forEach(subscriber::addToList);
			if (this.subscribers.insertNew(List.of(subscriber)) == 1 || attempt == ATTEMPTS) {
				return;
			}
		}
	}

	private static String time(Instant at) {
		return TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(Consent.ZONE));
	}

}

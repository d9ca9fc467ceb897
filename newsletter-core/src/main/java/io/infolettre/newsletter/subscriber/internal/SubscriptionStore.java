package io.infolettre.newsletter.subscriber.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.SubscriptionRequest;
import io.infolettre.newsletter.subscriber.Subscriptions.Confirmation;
import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Subscription requests in {@code subscription_requests}, keyed {@code req-<32 hex digits>} (random,
 * never shown in clear: the link carries it encrypted). A confirmation is claimed by a conditional
 * update, so two clicks at once confirm once.
 */
@Repository
public class SubscriptionStore {

	static final String COLLECTION = "subscription_requests";

	private static final String PREFIX = "req-";

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss z");

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final SubscriberStore subscribers;

	SubscriptionStore(MongoTemplate mongo, SubscriberStore subscribers) {
		this.mongo = mongo;
		this.subscribers = subscribers;
	}

	public Subscriber findByEmail(EmailAddress email) {
		return this.subscribers.findByEmail(email).orElse(null);
	}

	public void insertPending(Subscriber pending) {
		// a request at the same moment for the same address: the first one stays
		this.subscribers.insertNew(List.of(pending));
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
		EmailAddress email = new EmailAddress(request.getString("email"));
		Subscriber known = findByEmail(email);
		if (known == null) {
			var subscriber = new Subscriber(email, request.getString("firstName"), request.getString("lastName"),
					request.getString("company"), request.getString("language"), consent, at);
			request.getList("lists", String.class).forEach(subscriber::addToList);
			this.subscribers.insertNew(List.of(subscriber));
			return Confirmation.CONFIRMED;
		}
		var update = new Update().set(Subscriber.Fields.STATUS, SubscriberStatus.ACTIVE.name())
			.set("consent", this.mongo.getConverter().convertToMongoType(consent))
			.set(Subscriber.Fields.LANGUAGE, request.getString("language"))
			.set("hardBounces", 0)
			.unset("unsubscribedAt")
			.set("updatedAt", at);
		setIfGiven(update, Subscriber.Fields.FIRST_NAME, request.getString("firstName"));
		setIfGiven(update, Subscriber.Fields.LAST_NAME, request.getString("lastName"));
		setIfGiven(update, Subscriber.Fields.COMPANY, request.getString("company"));
		List<String> lists = request.getList("lists", String.class);
		if (!lists.isEmpty()) {
			update.addToSet(Subscriber.Fields.LISTS).each(lists.toArray());
		}
		this.mongo.updateFirst(Query.query(Criteria.where(Subscriber.Fields.ID).is(known.getId())), update,
				Subscriber.class);
		return Confirmation.CONFIRMED;
	}

	private static void setIfGiven(Update update, String field, String value) {
		if (value != null) {
			update.set(field, value);
		}
	}

	private static String time(Instant at) {
		return TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

}

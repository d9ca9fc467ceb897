package io.infolettre.newsletter.subscriber.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stores the changes made through the {@link Subscriber} aggregate. A change writes what it altered
 * and nothing else, in one conditional update: only if the stored subscriber's status and update time
 * are still those the change read, and, for a change that counts a bounce, its count of bounces too
 * (counting moves no update time). So a coordinator's edit made on a page shown before an unsubscribe
 * fails instead of overwriting it, and a transition the person or the relay asked for (unsubscribe,
 * complaint, bounce, confirmation, preferences) is read and made again until it is written: no
 * concurrent change, an import or another request, makes it lost or lets it overwrite that change.
 */
@Repository
public class SubscriberChanges {

	// a transition losing the race this often in a row fails loudly rather than loop for ever
	private static final int ATTEMPTS = 50;

	private final MongoTemplate mongo;

	SubscriberChanges(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Changes the subscriber as stored now, once.
	 * @return the subscriber changed; empty when there is none with this id
	 * @throws OptimisticLockingFailureException when the subscriber changed since it was read
	 * @throws IllegalArgumentException when its new address belongs to another subscriber
	 */
	public Optional<Subscriber> changeOnce(String subscriberId, Consumer<Subscriber> change) {
		Subscriber subscriber = this.mongo.findById(subscriberId, Subscriber.class);
		if (subscriber == null) {
			return Optional.empty();
		}
		Document read = document(subscriber);
		change.accept(subscriber);
		if (!write(read, subscriber)) {
			throw new OptimisticLockingFailureException("Subscriber " + subscriberId + " changed meanwhile");
		}
		return Optional.of(subscriber);
	}

	/**
	 * Makes a transition on the subscriber as stored now, and again on a fresh read whenever another
	 * change came between the read and the write.
	 * @param transition changes the subscriber; true when it did what it was asked, false when it
	 * refused (the subscriber is so already)
	 * @return the subscriber changed, when the transition returned true; empty when there is none with
	 * this id or when it returned false (what it changed all the same, a bounce counted, is written)
	 * @throws OptimisticLockingFailureException when other changes won the race every time
	 */
	public Optional<Subscriber> transition(String subscriberId, Predicate<Subscriber> transition) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Subscriber subscriber = this.mongo.findById(subscriberId, Subscriber.class);
			if (subscriber == null) {
				return Optional.empty();
			}
			Document read = document(subscriber);
			boolean done = transition.test(subscriber);
			if (write(read, subscriber)) {
				return done ? Optional.of(subscriber) : Optional.empty();
			}
		}
		throw new OptimisticLockingFailureException(
				"Subscriber " + subscriberId + " kept changing: transition not made after " + ATTEMPTS + " attempts");
	}

	/** @return false when the stored subscriber is no longer as it was read (nothing is written then) */
	private boolean write(Document read, Subscriber changed) {
		var update = new Update();
		difference("", read, document(changed), update);
		if (update.getUpdateObject().isEmpty()) {
			return true;
		}
		var unchanged = Criteria.where(SubscriberFields.ID)
			.is(read.get(SubscriberFields.ID))
			.and(SubscriberFields.STATUS)
			.is(read.get(SubscriberFields.STATUS))
			.and(SubscriberFields.UPDATED_AT)
			.is(read.get(SubscriberFields.UPDATED_AT));
		if (update.modifies(SubscriberFields.HARD_BOUNCES)) {
			Object bounces = read.get(SubscriberFields.HARD_BOUNCES);
			// a subscriber stored before bounces were counted has no count: it read as none
			unchanged.and(SubscriberFields.HARD_BOUNCES)
				.in(Integer.valueOf(0).equals(bounces) ? Arrays.asList(0, null) : List.of(bounces));
		}
		try {
			return this.mongo.updateFirst(Query.query(unchanged), update, Subscriber.COLLECTION).getMatchedCount() > 0;
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("Cette adresse est déjà celle d’un autre abonné : " + changed.getEmail());
		}
	}

	/** The subscriber as the database stores it. */
	private Document document(Subscriber subscriber) {
		var document = new Document();
		this.mongo.getConverter().write(subscriber, document);
		return document;
	}

	/**
	 * Adds to {@code update} what turns {@code before} into {@code after}, a sub-document field by
	 * field (a consent withdrawn sets its {@code withdrawnAt} alone).
	 */
	private static void difference(String path, Document before, Document after, Update update) {
		for (var field : after.entrySet()) {
			Object was = before.get(field.getKey());
			if (field.getValue() instanceof Document now && was instanceof Document then) {
				difference(path + field.getKey() + ".", then, now, update);
			}
			else if (!Objects.equals(was, field.getValue())) {
				update.set(path + field.getKey(), field.getValue());
			}
		}
		for (String field : before.keySet()) {
			if (!after.containsKey(field)) {
				update.unset(path + field);
			}
		}
	}

}

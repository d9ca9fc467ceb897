package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.MongoBulkWriteException;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/** MongoDB storage of subscribers. */
@Repository
public class SubscriberStore implements Subscribers {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	SubscriberStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void createIndexes() {
		var indexes = this.mongo.indexOps(Subscriber.class);
		indexes.createIndex(new Index().on("email", Sort.Direction.ASC).unique().named("email_unique"));
		indexes.createIndex(new Index().on(Subscriber.Fields.STATUS, Sort.Direction.ASC).named("status"));
		indexes.createIndex(new Index().on(Subscriber.Fields.LISTS, Sort.Direction.ASC).named("lists"));
	}

	@Override
	public Optional<Subscriber> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Subscriber.class));
	}

	@Override
	public Optional<Subscriber> findByEmail(EmailAddress email) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("email").is(email.value())), Subscriber.class));
	}

	@Override
	public List<Subscriber> findAllById(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where(Subscriber.Fields.ID).in(ids)), Subscriber.class);
	}

	@Override
	public long count() {
		return this.mongo.count(new Query(), Subscriber.class);
	}

	@Override
	public List<String> listNames() {
		return this.mongo.findDistinct(new Query(), Subscriber.Fields.LISTS, Subscriber.class, String.class)
			.stream()
			.sorted()
			.toList();
	}

	@Override
	public List<Subscriber> firstPage(int size) {
		return this.mongo.find(new Query().with(Sort.by(Subscriber.Fields.ID)).limit(size), Subscriber.class);
	}

	/**
	 * Unordered bulk insert: addresses already present are rejected by the unique index and skipped.
	 * The count is derived from the write errors, not from the server's inserted count, which the
	 * embedded server reports wrongly when some documents fail.
	 */
	public int insertNew(List<Subscriber> subscribers) {
		if (subscribers.isEmpty()) {
			return 0;
		}
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, Subscriber.class).insert(subscribers).execute();
			return subscribers.size();
		}
		catch (DuplicateKeyException | BulkOperationException ex) {
			var errors = ex instanceof BulkOperationException bulk ? bulk.getErrors()
					: ex.getCause() instanceof MongoBulkWriteException bulk ? bulk.getWriteErrors() : null;
			if (errors == null || errors.stream().anyMatch(e -> e.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
			return subscribers.size() - errors.size();
		}
	}

	/**
	 * Atomic on the subscriber's id, so two concurrent requests unsubscribe (and report) once; the
	 * query names the id alone, which every MongoDB-wire server answers from its primary index.
	 */
	public boolean markUnsubscribed(String subscriberId, Instant at) {
		var byId = Query.query(Criteria.where(Subscriber.Fields.ID).is(subscriberId));
		Subscriber before = this.mongo.findAndModify(byId,
				new Update().set(Subscriber.Fields.STATUS, SubscriberStatus.UNSUBSCRIBED), Subscriber.class);
		if (before == null || before.getStatus() == SubscriberStatus.UNSUBSCRIBED) {
			return false;
		}
		this.mongo.updateFirst(byId, new Update().set("unsubscribedAt", at).set("updatedAt", at), Subscriber.class);
		return true;
	}

}

package io.infolettre.newsletter.people.internal;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.people.SecondFactor;
import io.infolettre.newsletter.people.SecondFactors;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Second factors in {@code second_factors}, one document per person with the person's id as its id
 * (every query is by id): the key, whether it is on, the last accepted time step and the SHA-256
 * hashes of the recovery codes left.
 */
@Component
class MongoSecondFactors implements SecondFactors {

	static final String COLLECTION = "second_factors";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoSecondFactors(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Optional<SecondFactor> find(String personId) {
		return Optional.ofNullable(this.mongo.getCollection(COLLECTION).find(Filters.eq("_id", personId)).first())
			.map(MongoSecondFactors::secondFactor);
	}

	@Override
	public boolean begin(String personId, String secret) {
		var pending = new Document("_id", personId).append("secret", secret)
			.append("active", false)
			.append("lastAcceptedStep", 0L)
			.append("recoveryCodes", List.of())
			.append("createdAt", Date.from(this.clock.instant()));
		// an active factor never matches the filter; the upsert then meets the unique _id and fails
		try {
			return this.mongo.getCollection(COLLECTION)
				.replaceOne(Filters.and(Filters.eq("_id", personId), Filters.eq("active", false)), pending,
						new ReplaceOptions().upsert(true))
				.wasAcknowledged();
		}
		catch (com.mongodb.MongoWriteException ex) {
			if (ex.getError().getCode() == 11000) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public boolean activate(String personId, long step, List<String> recoveryCodeHashes) {
		return modified(Filters.and(Filters.eq("_id", personId), Filters.eq("active", false)),
				Updates.combine(Updates.set("active", true), Updates.set("lastAcceptedStep", step),
						Updates.set("recoveryCodes", recoveryCodeHashes),
						Updates.set("activatedAt", Date.from(this.clock.instant()))));
	}

	@Override
	public boolean acceptStep(String personId, long step) {
		return modified(Filters.and(Filters.eq("_id", personId), Filters.eq("active", true),
				Filters.lt("lastAcceptedStep", step)), Updates.set("lastAcceptedStep", step));
	}

	@Override
	public boolean useRecoveryCode(String personId, String recoveryCodeHash) {
		return modified(Filters.and(Filters.eq("_id", personId), Filters.eq("active", true),
				Filters.eq("recoveryCodes", recoveryCodeHash)), Updates.pull("recoveryCodes", recoveryCodeHash));
	}

	@Override
	public boolean remove(String personId) {
		return this.mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", personId)).getDeletedCount() == 1;
	}

	private boolean modified(Bson filter, Bson update) {
		return this.mongo.getCollection(COLLECTION).updateOne(filter, update).getModifiedCount() == 1;
	}

	private static SecondFactor secondFactor(Document document) {
		List<?> codes = document.getList("recoveryCodes", Object.class, List.of());
		Date created = document.getDate("createdAt");
		Date activated = document.getDate("activatedAt");
		return new SecondFactor(document.getString("_id"), document.getString("secret"),
				document.getBoolean("active", false), document.get("lastAcceptedStep", Number.class).longValue(),
				codes.size(), created == null ? null : created.toInstant(),
				activated == null ? null : activated.toInstant());
	}

}

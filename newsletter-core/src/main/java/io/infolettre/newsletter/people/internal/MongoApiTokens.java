package io.infolettre.newsletter.people.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.people.ApiToken;
import io.infolettre.newsletter.people.ApiTokenRefused;
import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.IssuedApiToken;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.Role;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens in {@code api_tokens}: the SHA-256 of each secret (unique, the way a request finds its
 * token), never the secret. A secret is 256 random bits, so a plain hash is enough: there is nothing
 * to guess that a slow hash would protect.
 */
@Component
class MongoApiTokens implements ApiTokens {

	static final String COLLECTION = "api_tokens";

	/** What every secret starts with, so that one pasted where it should not be is recognised. */
	static final String PREFIX = "ifl_";

	static final int MAX_NAME_LENGTH = 100;

	// lastUsedAt to the minute: not one write per request of a script that calls in a loop
	private static final Duration USE_PRECISION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoApiTokens(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@PostConstruct
	void createIndexes() {
		var collection = this.mongo.getCollection(COLLECTION);
		collection.createIndex(Indexes.ascending("secretHash"),
				new IndexOptions().unique(true).name("api_token_secret"));
		collection.createIndex(Indexes.ascending("personId", "createdAt"), new IndexOptions().name("api_token_person"));
	}

	@Override
	public IssuedApiToken issue(Person person, Role widest, String name, Role role) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty()) {
			throw new ApiTokenRefused("Donnez un nom au jeton (par exemple le script qui l’utilisera).");
		}
		if (label.length() > MAX_NAME_LENGTH) {
			throw new ApiTokenRefused("Le nom du jeton dépasse " + MAX_NAME_LENGTH + " caractères.");
		}
		Role tokenRole = role == null ? widest : role;
		if (!person.role().covers(tokenRole) || !widest.covers(tokenRole)) {
			throw new ApiTokenRefused("Un jeton ne peut pas avoir plus de permissions que la personne qui le crée.");
		}
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		Instant now = this.clock.instant();
		var document = new Document("_id", new ObjectId()).append("personId", person.id())
			.append("name", label)
			.append("role", tokenRole.name())
			.append("secretHash", hash(secret))
			.append("createdAt", Date.from(now))
			.append("lastUsedAt", null)
			.append("revokedAt", null);
		this.mongo.getCollection(COLLECTION).insertOne(document);
		return new IssuedApiToken(token(document), secret);
	}

	@Override
	public Optional<ApiToken> use(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var collection = this.mongo.getCollection(COLLECTION);
		Document found = collection.find(Filters.eq("secretHash", hash(secret))).first();
		if (found == null || found.getDate("revokedAt") != null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Date lastUsed = found.getDate("lastUsedAt");
		if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(USE_PRECISION))) {
			collection.updateOne(Filters.eq("_id", found.getObjectId("_id")), Updates.set("lastUsedAt", Date.from(now)));
			found.put("lastUsedAt", Date.from(now));
		}
		return Optional.of(token(found));
	}

	@Override
	public Optional<ApiToken> find(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.getCollection(COLLECTION).find(Filters.eq("_id", new ObjectId(id))).first())
			.map(MongoApiTokens::token);
	}

	@Override
	public List<ApiToken> of(String personId) {
		return this.mongo.getCollection(COLLECTION)
			.find(Filters.eq("personId", personId))
			.sort(Sorts.descending("createdAt"))
			.map(MongoApiTokens::token)
			.into(new ArrayList<>());
	}

	@Override
	public Optional<ApiToken> revoke(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Optional.empty();
		}
		var collection = this.mongo.getCollection(COLLECTION);
		var filter = Filters.eq("_id", new ObjectId(id));
		Document revoked = collection.findOneAndUpdate(Filters.and(filter, Filters.eq("revokedAt", null)),
				Updates.set("revokedAt", Date.from(this.clock.instant())),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(revoked != null ? revoked : collection.find(filter).first())
			.map(MongoApiTokens::token);
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return bytes;
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static ApiToken token(Document document) {
		return new ApiToken(document.getObjectId("_id").toHexString(), document.getString("personId"),
				document.getString("name"), Role.valueOf(document.getString("role")), instant(document, "createdAt"),
				instant(document, "lastUsedAt"), instant(document, "revokedAt"));
	}

	private static Instant instant(Document document, String field) {
		Date date = document.getDate(field);
		return date == null ? null : date.toInstant();
	}

}

package io.infolettre.newsletter.people.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonStatus;
import io.infolettre.newsletter.people.Role;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The team in the {@code people} collection, one document per person, unique by login. */
@Component
class MongoPeople implements People {

	static final String COLLECTION = "people";

	private static final String LEGACY_COLLECTION = "users";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoPeople(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@PostConstruct
	void createIndexes() {
		this.mongo.getCollection(COLLECTION)
			.createIndex(Indexes.ascending("login"), new IndexOptions().unique(true).name("people_login"));
		adoptAdministratorsOfBefore();
	}

	/**
	 * Before people, the administrators were accounts in {@code users} (user name as id, password
	 * hash): they become administrators with the same login and password, once.
	 */
	private void adoptAdministratorsOfBefore() {
		if (any()) {
			return;
		}
		for (Document user : this.mongo.getCollection(LEGACY_COLLECTION).find()) {
			createActive(user.getString("_id"), null, null, Role.ADMIN, user.getString("passwordHash"));
		}
	}

	@Override
	public Optional<Person> find(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.getCollection(COLLECTION).find(Filters.eq("_id", new ObjectId(id))).first())
			.map(MongoPeople::person);
	}

	@Override
	public Optional<Person> findByLogin(String login) {
		if (login == null || login.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.getCollection(COLLECTION).find(Filters.eq("login", normalise(login))).first())
			.map(MongoPeople::person);
	}

	@Override
	public List<Person> all() {
		// a team is a few dozen people: read whole, sorted here
		return this.mongo.getCollection(COLLECTION)
			.find()
			.map(MongoPeople::person)
			.into(new java.util.ArrayList<>())
			.stream()
			.sorted(Comparator.comparing((Person person) -> person.status() != PersonStatus.ACTIVE)
				.thenComparing(person -> person.displayName().toLowerCase(Locale.ROOT)))
			.toList();
	}

	@Override
	public List<Person> withPermission(Permission permission, boolean approvalRequired) {
		return all().stream()
			.filter(Person::isActive)
			.filter(person -> person.role().permissions(approvalRequired).contains(permission))
			.toList();
	}

	@Override
	public boolean any() {
		return this.mongo.getCollection(COLLECTION).find().limit(1).first() != null;
	}

	@Override
	public Optional<Person> createActive(String login, String email, String name, Role role, String passwordHash) {
		Instant now = this.clock.instant();
		var document = new Document("_id", new ObjectId()).append("login", normalise(login))
			.append("email", email == null ? null : email.strip().toLowerCase(Locale.ROOT))
			.append("name", name)
			.append("role", role.name())
			.append("status", PersonStatus.ACTIVE.name())
			.append("passwordHash", passwordHash)
			.append("createdAt", java.util.Date.from(now))
			.append("updatedAt", java.util.Date.from(now));
		try {
			this.mongo.getCollection(COLLECTION).insertOne(document);
			return Optional.of(person(document));
		}
		catch (com.mongodb.MongoWriteException ex) {
			if (ex.getError().getCode() == 11000) {
				return Optional.empty();
			}
			throw ex;
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	static String normalise(String login) {
		return login.strip().toLowerCase(Locale.ROOT);
	}

	static Person person(Document document) {
		return new Person(document.getObjectId("_id").toHexString(), document.getString("login"),
				document.getString("email"), document.getString("name"), Role.valueOf(document.getString("role")),
				PersonStatus.valueOf(document.getString("status")), document.getString("passwordHash"),
				instant(document, "createdAt"), instant(document, "updatedAt"));
	}

	private static Instant instant(Document document, String field) {
		var date = document.getDate(field);
		return date == null ? null : date.toInstant();
	}

}

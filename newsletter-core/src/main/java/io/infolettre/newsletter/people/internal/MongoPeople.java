package io.infolettre.newsletter.people.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.people.Invitation;
import io.infolettre.newsletter.people.PasswordReset;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonNotFoundException;
import io.infolettre.newsletter.people.PersonStatus;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamChangeRefusedException;
import io.infolettre.newsletter.shared.Actor;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The team in the {@code people} collection, one document per person, unique by login. An invitation
 * or a password reset is a sub-document holding the SHA-256 of the link's secret and its expiry; using
 * it removes it in the same conditional update, so a link works once even when clicked twice at once.
 */
@Component
class MongoPeople implements People {

	static final String COLLECTION = "people";

	private static final String LEGACY_COLLECTION = "users";

	private static final String INVITATION = "invitation";

	private static final String RESET = "passwordReset";

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
		.returnDocument(ReturnDocument.AFTER);

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoPeople(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@PostConstruct
	void createIndexes() {
		collection().createIndex(Indexes.ascending("login"), new IndexOptions().unique(true).name("people_login"));
		collection().createIndex(Indexes.ascending("email"), new IndexOptions().name("people_email"));
		collection().createIndex(Indexes.ascending(INVITATION + ".hash"),
				new IndexOptions().sparse(true).name("people_invitation"));
		collection().createIndex(Indexes.ascending(RESET + ".hash"),
				new IndexOptions().sparse(true).name("people_password_reset"));
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
		return first(Filters.eq("_id", new ObjectId(id)));
	}

	@Override
	public Optional<Person> findByLogin(String login) {
		if (login == null || login.isBlank()) {
			return Optional.empty();
		}
		String normalised = normalise(login);
		return first(Filters.eq("login", normalised)).or(() -> first(Filters.eq("email", normalised)));
	}

	@Override
	public List<Person> all() {
		// a team is a few dozen people: read whole, sorted here
		return collection().find()
			.map(MongoPeople::person)
			.into(new ArrayList<>())
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
		return collection().find().limit(1).first() != null;
	}

	@Override
	public Optional<Person> createActive(String login, String email, String name, Role role, String passwordHash) {
		Instant now = this.clock.instant();
		var document = new Document("_id", new ObjectId()).append("login", normalise(login))
			.append("email", email == null ? null : normalise(email))
			.append("name", name)
			.append("role", role.name())
			.append("status", PersonStatus.ACTIVE.name())
			.append("passwordHash", passwordHash)
			.append("createdAt", Date.from(now))
			.append("updatedAt", Date.from(now));
		return insert(document);
	}

	@Override
	public Invitation invite(String email, String name, Role role) {
		String address = validEmail(email);
		findByLogin(address).ifPresent(existing -> {
			throw new TeamChangeRefusedException(existing.isInvited()
					? "« " + address + " » est déjà invité·e : renvoyez l’invitation depuis la page « Équipe »."
					: "« " + address + " » fait déjà partie de l’équipe.");
		});
		if (role == null) {
			throw new TeamChangeRefusedException("Choisissez un rôle.");
		}
		Instant now = this.clock.instant();
		String grant = newGrantId();
		Instant expiresAt = now.plus(Invitation.VALIDITY);
		var document = new Document("_id", new ObjectId()).append("login", address)
			.append("email", address)
			.append("name", blankToNull(name))
			.append("role", role.name())
			.append("status", PersonStatus.INVITED.name())
			.append("passwordHash", null)
			.append("createdAt", Date.from(now))
			.append("updatedAt", Date.from(now))
			.append(INVITATION, grant(grant, expiresAt));
		Person person = insert(document).orElseThrow(
				() -> new TeamChangeRefusedException("« " + address + " » fait déjà partie de l’équipe."));
		return new Invitation(person, grant, expiresAt);
	}

	@Override
	public Invitation renewInvitation(String personId) {
		Instant now = this.clock.instant();
		String grant = newGrantId();
		Instant expiresAt = now.plus(Invitation.VALIDITY);
		Person person = update(personId, Filters.eq("status", PersonStatus.INVITED.name()),
				Updates.combine(Updates.set(INVITATION, grant(grant, expiresAt)), Updates.set("updatedAt", Date.from(now))))
			.orElseThrow(() -> new TeamChangeRefusedException(
					"Seule une personne invitée qui n’a pas encore choisi son mot de passe peut recevoir une invitation."));
		return new Invitation(person, grant, expiresAt);
	}

	@Override
	public Optional<Person> invitedWith(String grantId) {
		return first(usable(INVITATION, grantId, PersonStatus.INVITED));
	}

	@Override
	public Optional<Person> acceptInvitation(String grantId, String passwordHash) {
		return Optional.ofNullable(collection().findOneAndUpdate(usable(INVITATION, grantId, PersonStatus.INVITED),
				Updates.combine(Updates.set("status", PersonStatus.ACTIVE.name()), Updates.set("passwordHash", passwordHash),
						Updates.unset(INVITATION), Updates.set("updatedAt", Date.from(this.clock.instant()))),
				AFTER))
			.map(MongoPeople::person);
	}

	@Override
	public Optional<PasswordReset> requestPasswordReset(String login) {
		// a person without an address (the first administrator, before they give one) has nowhere to receive it
		return findByLogin(login).filter(Person::isActive).filter(person -> person.email() != null).flatMap(person -> {
			String grant = newGrantId();
			Instant expiresAt = this.clock.instant().plus(PasswordReset.VALIDITY);
			return update(person.id(), Filters.eq("status", PersonStatus.ACTIVE.name()),
					Updates.set(RESET, grant(grant, expiresAt)))
				.map(updated -> new PasswordReset(updated, grant, expiresAt));
		});
	}

	@Override
	public Optional<Person> resettingWith(String grantId) {
		return first(usable(RESET, grantId, PersonStatus.ACTIVE));
	}

	@Override
	public Optional<Person> resetPassword(String grantId, String passwordHash) {
		return Optional.ofNullable(collection().findOneAndUpdate(usable(RESET, grantId, PersonStatus.ACTIVE),
				Updates.combine(Updates.set("passwordHash", passwordHash), Updates.unset(RESET),
						Updates.set("updatedAt", Date.from(this.clock.instant()))),
				AFTER))
			.map(MongoPeople::person);
	}

	@Override
	public Person changePassword(String personId, String passwordHash) {
		// a reset asked for before is no longer needed, and must not undo this change
		return existing(update(personId, null, Updates.combine(Updates.set("passwordHash", passwordHash),
				Updates.unset(RESET), Updates.set("updatedAt", Date.from(this.clock.instant())))), personId);
	}

	@Override
	public Person updateProfile(String personId, String name, String email) {
		Person person = find(personId).orElseThrow(() -> new PersonNotFoundException(personId));
		String address = validEmail(email);
		findByLogin(address).filter(other -> !other.id().equals(person.id())).ifPresent(other -> {
			throw new TeamChangeRefusedException("L’adresse « " + address + " » est déjà celle d’une autre personne de l’équipe.");
		});
		List<Bson> changes = new ArrayList<>(List.of(Updates.set("name", blankToNull(name)), Updates.set("email", address),
				Updates.set("updatedAt", Date.from(this.clock.instant()))));
		// who logs in with their address logs in with the new one; the first administrator keeps their user name
		if (person.login().equals(person.email())) {
			changes.add(Updates.set("login", address));
		}
		try {
			return existing(update(personId, null, Updates.combine(changes)), personId);
		}
		catch (MongoWriteException | DuplicateKeyException ex) {
			throw new TeamChangeRefusedException("L’adresse « " + address + " » est déjà celle d’une autre personne de l’équipe.");
		}
	}

	@Override
	public Person changeRole(String personId, Role role, Actor by) {
		Person person = find(personId).orElseThrow(() -> new PersonNotFoundException(personId));
		if (role == null) {
			throw new TeamChangeRefusedException("Choisissez un rôle.");
		}
		if (person.role() == role) {
			return person;
		}
		if (person.id().equals(by.personId())) {
			throw new TeamChangeRefusedException(
					"Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.");
		}
		if (person.isActiveAdministrator()) {
			refuseWithoutAnotherAdministrator(person, "retirer le rôle d’administrateur à");
		}
		return existing(update(personId, Filters.eq("role", person.role().name()),
				Updates.combine(Updates.set("role", role.name()), Updates.set("updatedAt", Date.from(this.clock.instant())))),
				personId);
	}

	@Override
	public Person deactivate(String personId, Actor by) {
		Person person = find(personId).orElseThrow(() -> new PersonNotFoundException(personId));
		if (person.status() == PersonStatus.DEACTIVATED) {
			return person;
		}
		if (person.id().equals(by.personId())) {
			throw new TeamChangeRefusedException("Vous ne pouvez pas désactiver votre propre compte.");
		}
		if (person.isActiveAdministrator()) {
			refuseWithoutAnotherAdministrator(person, "désactiver");
		}
		Instant now = this.clock.instant();
		return existing(update(personId, Filters.eq("status", person.status().name()),
				Updates.combine(Updates.set("status", PersonStatus.DEACTIVATED.name()), Updates.unset(INVITATION),
						Updates.unset(RESET), Updates.set("deactivatedAt", Date.from(now)),
						Updates.set("updatedAt", Date.from(now)))),
				personId);
	}

	@Override
	public Person reactivate(String personId) {
		Person person = find(personId).orElseThrow(() -> new PersonNotFoundException(personId));
		if (person.status() != PersonStatus.DEACTIVATED) {
			return person;
		}
		PersonStatus status = person.passwordHash() == null ? PersonStatus.INVITED : PersonStatus.ACTIVE;
		return existing(update(personId, Filters.eq("status", PersonStatus.DEACTIVATED.name()),
				Updates.combine(Updates.set("status", status.name()), Updates.unset("deactivatedAt"),
						Updates.set("updatedAt", Date.from(this.clock.instant())))),
				personId);
	}

	@Override
	public void recordLogin(String personId) {
		if (personId != null && ObjectId.isValid(personId)) {
			collection().updateOne(Filters.eq("_id", new ObjectId(personId)),
					Updates.set("lastLoginAt", Date.from(this.clock.instant())));
		}
	}

	// Two administrators demoting each other at the same instant could both pass this check; a team
	// changes roles a few times a year, and the first administrator's account can always be restored
	// from the configuration (newsletter.admin.*) on an empty people collection.
	private void refuseWithoutAnotherAdministrator(Person person, String what) {
		long others = collection().countDocuments(Filters.and(Filters.eq("role", Role.ADMIN.name()),
				Filters.eq("status", PersonStatus.ACTIVE.name()), Filters.ne("_id", new ObjectId(person.id()))));
		if (others == 0) {
			throw new TeamChangeRefusedException("Impossible de " + what + " « " + person.displayName()
					+ " » : c’est le dernier administrateur actif de l’équipe. Nommez d’abord un autre administrateur.");
		}
	}

	private Bson usable(String grantField, String grantId, PersonStatus status) {
		if (grantId == null || grantId.isBlank()) {
			return Filters.eq("_id", null);
		}
		return Filters.and(Filters.eq(grantField + ".hash", hash(grantId)), Filters.eq("status", status.name()),
				Filters.gt(grantField + ".expiresAt", Date.from(this.clock.instant())));
	}

	private Optional<Person> update(String personId, Bson condition, Bson update) {
		if (personId == null || !ObjectId.isValid(personId)) {
			return Optional.empty();
		}
		Bson id = Filters.eq("_id", new ObjectId(personId));
		return Optional.ofNullable(
				collection().findOneAndUpdate(condition == null ? id : Filters.and(id, condition), update, AFTER))
			.map(MongoPeople::person);
	}

	// the person changed between reading and writing (another administrator at the same time)
	private Person existing(Optional<Person> updated, String personId) {
		return updated.orElseThrow(() -> find(personId).isPresent()
				? new TeamChangeRefusedException("Cette personne vient d’être modifiée par quelqu’un d’autre ; rechargez la page et réessayez.")
				: new PersonNotFoundException(personId));
	}

	private Optional<Person> insert(Document document) {
		try {
			collection().insertOne(document);
			return Optional.of(person(document));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCode() == 11000) {
				return Optional.empty();
			}
			throw ex;
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	private Optional<Person> first(Bson filter) {
		return Optional.ofNullable(collection().find(filter).first()).map(MongoPeople::person);
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

	private String newGrantId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static Document grant(String grantId, Instant expiresAt) {
		return new Document("hash", hash(grantId)).append("expiresAt", Date.from(expiresAt));
	}

	// only a hash is stored: a copy of the database does not hold working links
	static String hash(String grantId) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(grantId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String validEmail(String email) {
		String address = email == null ? "" : normalise(email);
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			throw new TeamChangeRefusedException("« " + (email == null ? "" : email.strip())
					+ " » n’est pas une adresse courriel valide.");
		}
		return address;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static String normalise(String login) {
		return login.strip().toLowerCase(Locale.ROOT);
	}

	static Person person(Document document) {
		Document invitation = document.get(INVITATION, Document.class);
		return new Person(document.getObjectId("_id").toHexString(), document.getString("login"),
				document.getString("email"), document.getString("name"), Role.valueOf(document.getString("role")),
				PersonStatus.valueOf(document.getString("status")), document.getString("passwordHash"),
				instant(document, "createdAt"), instant(document, "updatedAt"), instant(document, "lastLoginAt"),
				invitation == null ? null : instant(invitation, "expiresAt"), instant(document, "deactivatedAt"));
	}

	private static Instant instant(Document document, String field) {
		var date = document.getDate(field);
		return date == null ? null : date.toInstant();
	}

}

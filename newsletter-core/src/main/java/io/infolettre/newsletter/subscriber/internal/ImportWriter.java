package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

import io.infolettre.newsletter.subscriber.Companies;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.ImportMode;
import io.infolettre.newsletter.subscriber.RefusalReason;
import io.infolettre.newsletter.subscriber.SearchKeys;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;

import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of checked rows: one query finds the addresses already known, one unordered bulk
 * insert adds the new ones (the unique index on the address keeps a concurrent insert from adding
 * anyone twice), one bulk update changes the known ones, only in the values that differ — so
 * importing the same file again changes nothing. The companies the rows name are created as they
 * are written (one bulk of upserts for the batch's names), as when a subscriber is added by hand.
 */
@Component
class ImportWriter {

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private final MongoTemplate mongo;

	private final SubscriberStore store;

	private final SubscriberManagement management;

	private final Companies companies;

	ImportWriter(MongoTemplate mongo, SubscriberStore store, SubscriberManagement management, Companies companies) {
		this.mongo = mongo;
		this.store = store;
		this.management = management;
		this.companies = companies;
	}

	/**
	 * @param refused where the rows refused here (an address that unsubscribed) go
	 * @param values the cells of a row by its line, for those
	 * @param ensured the companies this import made sure exist already
	 */
	void write(List<ImportRow> rows, SubscriberImportOptions options, Instant now, ImportJobStore.Counts counts,
			List<Refusal> refused, LongFunction<List<String>> values, EnsuredCompanies ensured) {
		if (rows.isEmpty()) {
			return;
		}
		Map<String, Subscriber> known = new HashMap<>();
		List<String> emails = rows.stream().map(row -> row.email().value()).toList();
		for (Subscriber subscriber : this.mongo.find(Query.query(Criteria.where(SubscriberFields.EMAIL).in(emails)),
				Subscriber.class)) {
			known.put(subscriber.getEmail().value(), subscriber);
		}
		if (options.mode() == ImportMode.UNSUBSCRIBE) {
			unsubscribe(rows, known, counts);
			return;
		}
		List<Subscriber> added = new ArrayList<>();
		Set<String> companyNames = new HashSet<>();
		var updates = this.mongo.bulkOps(BulkMode.UNORDERED, Subscriber.class);
		int updated = 0;
		for (ImportRow row : rows) {
			Subscriber existing = known.get(row.email().value());
			if (existing == null) {
				added.add(newSubscriber(row, options, now));
				companyNames.add(row.company());
				continue;
			}
			if (existing.getStatus() == SubscriberStatus.UNSUBSCRIBED
					|| existing.getStatus() == SubscriberStatus.COMPLAINED) {
				var problem = new RowVerdict.RowProblem(existing.getStatus() == SubscriberStatus.COMPLAINED
						? RefusalReason.COMPLAINED : RefusalReason.UNSUBSCRIBED, refusal(existing));
				refused.add(new Refusal(row.line(), List.of(problem), values.apply(row.line())));
				counts.refuse(List.of(problem));
				continue;
			}
			Update update = options.mode() == ImportMode.ADD_AND_UPDATE ? changes(existing, row, options, now) : null;
			if (update == null) {
				counts.unchanged++;
				continue;
			}
			updates.updateOne(Query.query(Criteria.where(SubscriberFields.EMAIL).is(row.email().value())), update);
			companyNames.add(row.company());
			updated++;
		}
		int inserted = this.store.insertNew(added);
		counts.added += inserted;
		// added by someone else (a form) between the query and the insert: left as they are
		counts.unchanged += added.size() - inserted;
		if (updated > 0) {
			updates.execute();
			counts.updated += updated;
		}
		List<String> missing = ensured.notYet(companyNames);
		if (!missing.isEmpty()) {
			this.companies.ensureExist(missing);
			ensured.add(missing);
		}
	}

	private void unsubscribe(List<ImportRow> rows, Map<String, Subscriber> known, ImportJobStore.Counts counts) {
		for (ImportRow row : rows) {
			Subscriber existing = known.get(row.email().value());
			boolean changed = existing == null ? this.management.block(row.email(), UnsubscribeChannel.ADMIN_IMPORT)
					: this.management.unsubscribe(existing.getId(), UnsubscribeChannel.ADMIN_IMPORT, null);
			if (changed) {
				counts.unsubscribed++;
			}
			else {
				counts.unchanged++;
			}
		}
	}

	private static String refusal(Subscriber existing) {
		if (existing.getStatus() == SubscriberStatus.COMPLAINED) {
			return "adresse bloquée : cette personne a signalé un message comme pourriel";
		}
		String since = existing.getUnsubscribedAt() == null ? ""
				: " le " + LocalDate.ofInstant(existing.getUnsubscribedAt(), ZONE);
		return "désabonné" + since + " : un import ne réabonne personne (il faut un nouveau consentement exprès)";
	}

	private static Subscriber newSubscriber(ImportRow row, SubscriberImportOptions options, Instant now) {
		var subscriber = new Subscriber(row.email(), row.firstName(), row.lastName(), row.company(),
				row.language() == null ? "fr" : row.language(), consent(row, options, now), now);
		lists(row, options).forEach(subscriber::addToList);
		tags(row, options).forEach(subscriber::withTag);
		row.attributes().forEach(subscriber::withAttribute);
		return subscriber;
	}

	static Consent consent(ImportRow row, SubscriberImportOptions options, Instant now) {
		Consent.Type type = row.consentType() != null ? row.consentType() : options.consentType();
		Instant at = row.consentAt() != null ? row.consentAt() : now;
		String source = options.fileName() + ", ligne " + row.line();
		return switch (type) {
			case EXPRESS -> Consent.express(Consent.Channel.IMPORT, source,
					"Consentement exprès déclaré dans le fichier importé par la coordination", null, at);
			case IMPLIED_MEMBERSHIP -> Consent.implied(type, Consent.Channel.IMPORT, source,
					"Membre de l’association (fichier importé par la coordination)", at);
			case IMPLIED_BUSINESS_RELATIONSHIP -> Consent.implied(type, Consent.Channel.IMPORT, source,
					"Relation d’affaires (fichier importé par la coordination)", at);
		};
	}

	/** What differs between the stored subscriber and the row; null when nothing does. */
	private Update changes(Subscriber existing, ImportRow row, SubscriberImportOptions options, Instant now) {
		var update = new Update();
		boolean changed = false;
		boolean named = set(update, SubscriberFields.FIRST_NAME, existing.getFirstName(), row.firstName());
		named |= set(update, SubscriberFields.LAST_NAME, existing.getLastName(), row.lastName());
		named |= set(update, SubscriberFields.COMPANY, existing.getCompany(), row.company());
		if (named) {
			// the search reads folded keys of the names and company: they follow them, as in the aggregate
			// (a blank cell changes nothing)
			var keys = SearchKeys.of(orElse(row.firstName(), existing.getFirstName()),
					orElse(row.lastName(), existing.getLastName()), orElse(row.company(), existing.getCompany()));
			update.set(SubscriberFields.SEARCH_NAMES, keys.names()).set(SubscriberFields.COMPANY_KEY, keys.company());
			changed = true;
		}
		changed |= set(update, SubscriberFields.LANGUAGE, existing.getLanguage(), row.language());
		Map<String, Object> attributes = existing.getAttributes();
		for (var attribute : row.attributes().entrySet()) {
			if (!sameValue(attributes.get(attribute.getKey()), attribute.getValue())) {
				update.set(SubscriberFields.attribute(attribute.getKey()), attribute.getValue());
				changed = true;
			}
		}
		changed |= addMissing(update, SubscriberFields.LISTS, existing.getLists(), lists(row, options));
		changed |= addMissing(update, SubscriberFields.TAGS, existing.getTags(), tags(row, options));
		Consent consent = consent(row, options, now);
		if (replaces(existing.getConsent(), consent, row.consentAt() != null)) {
			update.set("consent", this.mongo.getConverter().convertToMongoType(consent));
			changed = true;
		}
		if (!changed) {
			return null;
		}
		return update.set("updatedAt", now);
	}

	/**
	 * An express consent is never replaced by an implied one; an implied one is replaced by an
	 * express one, or renewed by a later date the file gives.
	 */
	private static boolean replaces(Consent stored, Consent imported, boolean dateGiven) {
		if (stored == null) {
			return true;
		}
		if (stored.withdrawnAt() != null) {
			return false;
		}
		if (imported.type() == Consent.Type.EXPRESS) {
			return stored.type() != Consent.Type.EXPRESS;
		}
		return stored.type().isImplied() && dateGiven && imported.grantedAt().isAfter(stored.grantedAt());
	}

	private static String orElse(String imported, String stored) {
		return imported != null ? imported : stored;
	}

	private static boolean set(Update update, String field, String stored, String imported) {
		if (imported == null || imported.equals(stored)) {
			return false;
		}
		update.set(field, imported);
		return true;
	}

	private static boolean addMissing(Update update, String field, Set<String> stored, Set<String> imported) {
		List<String> missing = imported.stream().filter(name -> !stored.contains(name)).toList();
		if (missing.isEmpty()) {
			return false;
		}
		update.addToSet(field).each(missing.toArray());
		return true;
	}

	private static boolean sameValue(Object stored, Object imported) {
		if (stored instanceof Number a && imported instanceof Number b) {
			return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
		}
		return Objects.equals(stored, imported);
	}

	private static Set<String> lists(ImportRow row, SubscriberImportOptions options) {
		Set<String> lists = new LinkedHashSet<>(options.lists());
		lists.addAll(row.lists());
		return lists;
	}

	private static Set<String> tags(ImportRow row, SubscriberImportOptions options) {
		Set<String> tags = new LinkedHashSet<>(options.tags());
		tags.addAll(row.tags());
		return tags;
	}

}

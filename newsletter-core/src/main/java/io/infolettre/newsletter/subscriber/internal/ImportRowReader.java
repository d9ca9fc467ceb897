package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.CsvCells;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.RefusalReason;
import io.infolettre.newsletter.subscriber.SingleLine;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions.Column;

/**
 * Checks one row of an import file against the column mapping and turns it into typed values, or
 * says in French every reason it is refused for. Knows nothing of the database: the checks that need
 * it (an address that unsubscribed) are the writer's.
 */
final class ImportRowReader {

	/** Longer than any name, company or list; a longer cell is usually a quote left open. */
	static final int MAX_LENGTH = 500;

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private static final Set<String> ONE_LINE_COLUMNS = Set.of(Column.FIRST_NAME, Column.LAST_NAME, Column.COMPANY);

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\r\\n]]");

	private static final Pattern SPLIT = Pattern.compile("[|,;]");

	private final SubscriberImportOptions options;

	private final List<String> header;

	private final AttributeDefinition[] attributes;

	private final Instant now;

	ImportRowReader(SubscriberImportOptions options, List<String> header, Map<String, AttributeDefinition> definitions,
			Instant now) {
		this.options = options;
		this.header = header;
		this.now = now;
		this.attributes = new AttributeDefinition[header.size()];
		for (int column = 0; column < Math.min(header.size(), options.mapping().size()); column++) {
			String name = Column.attributeName(options.mapping().get(column));
			if (name != null) {
				AttributeDefinition definition = definitions.get(name);
				if (definition == null) {
					throw new IllegalArgumentException("Attribut inconnu : « " + name + " »");
				}
				this.attributes[column] = definition;
			}
		}
	}

	/**
	 * Every problem of the row (each cell checked, each field parsed), or the row with typed values;
	 * the values a choice attribute does not know are set aside for the caller to add or leave out.
	 */
	RowVerdict read(CsvFiles.Row row) {
		var verdict = new RowVerdict(row.line());
		// the apostrophe of our exports' formula guard is not part of the value
		List<String> values = CsvCells.unguard(row.values());
		if (row.isBlank()) {
			return verdict.refuse(RefusalReason.BLANK_LINE, "ligne vide");
		}
		// the other checks would only repeat that the columns are shifted
		if (values.size() > this.header.size()) {
			return verdict.refuse(RefusalReason.COLUMN_COUNT, "trop de colonnes : " + values.size() + " au lieu de "
					+ this.header.size() + " (un séparateur de trop, ou une valeur à mettre entre guillemets ?)");
		}
		if (values.size() < this.header.size()) {
			return verdict.refuse(RefusalReason.COLUMN_COUNT,
					"trop peu de colonnes : " + values.size() + " au lieu de " + this.header.size());
		}
		boolean[] bad = new boolean[values.size()];
		for (int column = 0; column < values.size(); column++) {
			int checked = column;
			bad[column] = !verdict.attempt(() -> check(checked, values.get(checked)));
		}
		EmailAddress email = null;
		String rawEmail = value(values, Column.EMAIL);
		if (!bad(bad, Column.EMAIL)) {
			if (rawEmail == null) {
				verdict.problem(RefusalReason.EMAIL_MISSING, "adresse courriel manquante");
			}
			else {
				email = EmailAddress.parse(rawEmail).orElse(null);
				if (email == null) {
					verdict.problem(RefusalReason.EMAIL_INVALID, "adresse courriel invalide : « " + rawEmail + " »");
				}
			}
		}
		verdict.email(email);
		String language = bad(bad, Column.LANGUAGE) ? null
				: verdict.attempt(() -> language(value(values, Column.LANGUAGE)), null);
		String rawConsentType = value(values, Column.CONSENT_TYPE);
		Consent.Type consentType = bad(bad, Column.CONSENT_TYPE) ? null
				: verdict.attempt(() -> consentType(rawConsentType), null);
		if (rawConsentType == null && this.options.consentRequired()) {
			verdict.problem(RefusalReason.CONSENT_MISSING,
					"consentement manquant : la colonne du type de consentement est exigée");
		}
		Instant consentAt = bad(bad, Column.CONSENT_DATE) ? null
				: verdict.attempt(() -> consentDate(value(values, Column.CONSENT_DATE)), null);
		Consent.Type effectiveType = consentType != null ? consentType : this.options.consentType();
		if (consentAt != null && effectiveType.isImplied()
				&& !Consent.lapseOf(consentAt).isAfter(this.now)) {
			verdict.problem(RefusalReason.CONSENT_LAPSED, "consentement implicite échu : accordé le "
					+ LocalDate.ofInstant(consentAt, ZONE) + ", il y a plus de deux ans");
		}
		Map<String, Object> attributeValues = new LinkedHashMap<>();
		for (int column = 0; column < values.size(); column++) {
			AttributeDefinition definition = this.attributes[column];
			if (definition != null && !bad[column]) {
				String raw = values.get(column);
				try {
					definition.parse(raw).ifPresent(v -> attributeValues.put(definition.name(), v));
				}
				catch (IllegalArgumentException ex) {
					if (definition.type() == AttributeType.CHOICE) {
						verdict.unknownChoice(definition, raw.strip());
					}
					else {
						verdict.problem(RefusalReason.ATTRIBUTE_INVALID, ex.getMessage());
					}
				}
			}
		}
		if (!verdict.isRefused()) {
			verdict.accept(new ImportRow(row.line(), email, text(values, Column.FIRST_NAME),
					text(values, Column.LAST_NAME), text(values, Column.COMPANY), language,
					names(value(values, Column.LISTS)), names(value(values, Column.TAGS)), consentType, consentAt,
					attributeValues));
		}
		return verdict;
	}

	/** From now on, values of the attribute are read with this definition (a choice was added). */
	void use(AttributeDefinition definition) {
		for (int column = 0; column < this.attributes.length; column++) {
			if (this.attributes[column] != null && this.attributes[column].name().equals(definition.name())) {
				this.attributes[column] = definition;
			}
		}
	}

	private boolean bad(boolean[] bad, String target) {
		int column = this.options.columnOf(target);
		return column >= 0 && column < bad.length && bad[column];
	}

	private void check(int column, String value) {
		boolean mapped = column < this.options.mapping().size()
				&& !Column.IGNORE.equals(this.options.mapping().get(column));
		if (!mapped) {
			return;
		}
		if (value.indexOf('\uFFFD') >= 0) {
			throw new RowRejected(RefusalReason.UNREADABLE_CHARACTERS, "caractères illisibles dans « "
					+ this.header.get(column) + " » : le fichier n’est pas dans l’encodage choisi");
		}
		if (value.length() > MAX_LENGTH) {
			throw new RowRejected(RefusalReason.VALUE_TOO_LONG, "valeur trop longue dans « " + this.header.get(column)
					+ " » (" + MAX_LENGTH + " caractères au plus ; un guillemet resté ouvert ?)");
		}
		// names and companies are made one line as at every other way in (SingleLine), not refused
		if (!ONE_LINE_COLUMNS.contains(this.options.mapping().get(column)) && CONTROL.matcher(value).find()) {
			throw new RowRejected(RefusalReason.CONTROL_CHARACTER,
					"caractère de contrôle invisible dans « " + this.header.get(column) + " »");
		}
	}

	private String value(List<String> values, String target) {
		int column = this.options.columnOf(target);
		if (column < 0 || column >= values.size() || values.get(column).isBlank()) {
			return null;
		}
		return values.get(column).strip();
	}

	// a name or company typed on two lines in a spreadsheet cell is one line here, as everywhere else
	private String text(List<String> values, String target) {
		return SingleLine.of(value(values, target));
	}

	private static String language(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "fr", "fra", "fre", "français", "francais", "french", "fr-ca", "fr_ca" -> "fr";
			case "en", "eng", "anglais", "english", "en-ca", "en_ca" -> "en";
			default -> throw new RowRejected(RefusalReason.LANGUAGE_UNKNOWN,
					"langue inconnue : « " + value + " » (fr ou en)");
		};
	}

	private static Consent.Type consentType(String value) {
		if (value == null) {
			return null;
		}
		String key = HeaderGuesses.normalise(value);
		return switch (key) {
			case "expres", "express", "expresse", "oui", "yes", "optin", "doubleoptin" -> Consent.Type.EXPRESS;
			case "implicite", "implied", "membre", "member", "membership", "adhesion", "implicitemembre",
					"impliedmembership" ->
				Consent.Type.IMPLIED_MEMBERSHIP;
			case "relationdaffaires", "relationdafaires", "business", "businessrelationship", "client",
					"implicitedaffaires", "impliedbusinessrelationship" ->
				Consent.Type.IMPLIED_BUSINESS_RELATIONSHIP;
			default -> throw new RowRejected(RefusalReason.CONSENT_TYPE_UNKNOWN,
					"type de consentement inconnu : « " + value + " » (exprès, membre ou relation d’affaires)");
		};
	}

	private Instant consentDate(String value) {
		if (value == null) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse((String) AttributeType.DATE.parse(value, List.of()).orElseThrow());
		}
		catch (IllegalArgumentException ex) {
			throw new RowRejected(RefusalReason.CONSENT_DATE_INVALID,
					"date de consentement invalide : « " + value + " » (AAAA-MM-JJ)");
		}
		Instant at = date.atStartOfDay(ZONE).toInstant();
		if (at.isAfter(this.now)) {
			throw new RowRejected(RefusalReason.CONSENT_DATE_FUTURE,
					"date de consentement dans le futur : « " + value + " »");
		}
		return at;
	}

	private static Set<String> names(String value) {
		if (value == null) {
			return Set.of();
		}
		Set<String> names = new LinkedHashSet<>();
		Arrays.stream(SPLIT.split(value)).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
		return names;
	}

	/** A problem of one cell, with the reason a coordinator reads. */
	static final class RowRejected extends RuntimeException {

		private final RefusalReason reason;

		RowRejected(RefusalReason reason, String message) {
			super(message, null, false, false);
			this.reason = reason;
		}

		RefusalReason reason() {
			return this.reason;
		}

	}

}

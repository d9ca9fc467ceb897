package io.infolettre.newsletter.subscriber;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * How to read and apply an import file.
 *
 * @param fileName the name the coordinator gave the file; it is the consent's source
 * ({@code membres.csv, ligne 12})
 * @param charset the file's encoding; {@code null} to detect it (UTF-8 with or without BOM, else
 * Windows-1252 as Excel writes it)
 * @param separator {@code ,} or {@code ;}; {@code null} to detect it from the header line
 * @param mapping what each column holds, in column order: one of the {@link Column} keys or
 * {@link Column#attribute(String)}; missing trailing entries are ignored columns
 * @param mode what is done with the addresses
 * @param lists lists every imported subscriber is added to
 * @param tags tags every imported subscriber gets
 * @param consentType the consent of the whole file, when no column says it
 * @param consentRequired a row whose consent column is empty is refused
 * @param leaveOutUnknownChoices the choice attributes whose values not in their list are left out of
 * the rows (each row imported with a warning); the values of the others are added to their list
 */
public record SubscriberImportOptions(String fileName, Charset charset, Character separator, List<String> mapping,
		ImportMode mode, Set<String> lists, Set<String> tags, Consent.Type consentType, boolean consentRequired,
		Set<String> leaveOutUnknownChoices) {

	public SubscriberImportOptions {
		fileName = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
		mapping = mapping == null ? List.of() : List.copyOf(mapping);
		mode = mode == null ? ImportMode.ADD_NEW : mode;
		lists = clean(lists);
		tags = clean(tags);
		leaveOutUnknownChoices = clean(leaveOutUnknownChoices);
		consentType = consentType == null ? Consent.Type.IMPLIED_MEMBERSHIP : consentType;
		if (separator != null && separator != ',' && separator != ';' && separator != '\t') {
			throw new IllegalArgumentException("Séparateur inconnu : « " + separator + " » (virgule ou point-virgule)");
		}
		if (!mapping.contains(Column.EMAIL)) {
			throw new IllegalArgumentException("Une colonne doit contenir l’adresse courriel");
		}
		if (consentRequired && !mapping.contains(Column.CONSENT_TYPE)) {
			throw new IllegalArgumentException("Le consentement est exigé : associez une colonne au type de consentement");
		}
	}

	private static Set<String> clean(Set<String> names) {
		return names == null ? Set.of()
				: names.stream()
					.filter(name -> name != null && !name.isBlank())
					.map(String::strip)
					.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/** Whether the values of this choice attribute that are not in its list are added to it. */
	public boolean addsUnknownChoices(String attribute) {
		return !this.leaveOutUnknownChoices.contains(attribute);
	}

	/** The column the mapping gives this target, or -1. */
	public int columnOf(String target) {
		return this.mapping.indexOf(target);
	}

	/** What a column may hold. */
	public static final class Column {

		public static final String EMAIL = "email";

		public static final String FIRST_NAME = "firstName";

		public static final String LAST_NAME = "lastName";

		public static final String COMPANY = "company";

		public static final String LANGUAGE = "language";

		public static final String LISTS = "lists";

		public static final String TAGS = "tags";

		public static final String CONSENT_TYPE = "consentType";

		public static final String CONSENT_DATE = "consentDate";

		public static final String IGNORE = "ignore";

		public static final List<String> FIXED = List.of(EMAIL, FIRST_NAME, LAST_NAME, COMPANY, LANGUAGE, LISTS, TAGS,
				CONSENT_TYPE, CONSENT_DATE);

		private static final String ATTRIBUTE_PREFIX = "attr:";

		/** The key of a column holding a typed attribute. */
		public static String attribute(String name) {
			return ATTRIBUTE_PREFIX + name;
		}

		/** The attribute name of a column key, or null when the key is not an attribute's. */
		public static String attributeName(String key) {
			return key != null && key.startsWith(ATTRIBUTE_PREFIX) ? key.substring(ATTRIBUTE_PREFIX.length()) : null;
		}

		private Column() {
		}

	}

}

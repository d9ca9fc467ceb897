package io.infolettre.newsletter.subscriber.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions.Column;

/**
 * Guesses what a column holds from its header, in French or English («  Courriel », « Prénom »,
 * « Entreprise », « Secteur », "E-mail", "Company"…). Each target is guessed for one column at most;
 * the coordinator corrects the rest.
 */
public final class HeaderGuesses {

	private static final Map<String, String> KNOWN = Map.ofEntries(Map.entry("courriel", Column.EMAIL),
			Map.entry("adressecourriel", Column.EMAIL), Map.entry("adresseelectronique", Column.EMAIL),
			Map.entry("courrielelectronique", Column.EMAIL), Map.entry("email", Column.EMAIL),
			Map.entry("mail", Column.EMAIL), Map.entry("emailaddress", Column.EMAIL),
			Map.entry("adresse", Column.EMAIL), Map.entry("prenom", Column.FIRST_NAME),
			Map.entry("firstname", Column.FIRST_NAME), Map.entry("givenname", Column.FIRST_NAME),
			Map.entry("first", Column.FIRST_NAME), Map.entry("nom", Column.LAST_NAME),
			Map.entry("nomdefamille", Column.LAST_NAME), Map.entry("lastname", Column.LAST_NAME),
			Map.entry("surname", Column.LAST_NAME), Map.entry("familyname", Column.LAST_NAME),
			Map.entry("last", Column.LAST_NAME), Map.entry("entreprise", Column.COMPANY),
			Map.entry("compagnie", Column.COMPANY), Map.entry("societe", Column.COMPANY),
			Map.entry("organisation", Column.COMPANY), Map.entry("organization", Column.COMPANY),
			Map.entry("company", Column.COMPANY), Map.entry("employeur", Column.COMPANY),
			Map.entry("employer", Column.COMPANY), Map.entry("langue", Column.LANGUAGE),
			Map.entry("language", Column.LANGUAGE), Map.entry("lang", Column.LANGUAGE),
			Map.entry("liste", Column.LISTS), Map.entry("listes", Column.LISTS), Map.entry("list", Column.LISTS),
			Map.entry("lists", Column.LISTS), Map.entry("etiquette", Column.TAGS),
			Map.entry("etiquettes", Column.TAGS), Map.entry("tag", Column.TAGS), Map.entry("tags", Column.TAGS),
			Map.entry("motscles", Column.TAGS), Map.entry("consentement", Column.CONSENT_TYPE),
			Map.entry("typedeconsentement", Column.CONSENT_TYPE), Map.entry("consent", Column.CONSENT_TYPE),
			Map.entry("consenttype", Column.CONSENT_TYPE), Map.entry("dateduconsentement", Column.CONSENT_DATE),
			Map.entry("dateconsentement", Column.CONSENT_DATE), Map.entry("consentdate", Column.CONSENT_DATE),
			Map.entry("dateofconsent", Column.CONSENT_DATE));

	// English names of the built-in attributes
	private static final Map<String, String> ATTRIBUTE_ALIASES = Map.of("sector", "secteur", "industry", "secteur",
			"territory", "territoire", "region", "territoire", "industrialpark", "parc", "park", "parc", "role",
			"fonction", "jobtitle", "fonction", "title", "fonction", "membersince", "membreDepuis");

	private HeaderGuesses() {
	}

	public static List<String> guess(List<String> header, List<AttributeDefinition> attributes) {
		List<String> mapping = new ArrayList<>(header.size());
		Set<String> taken = new HashSet<>();
		for (String cell : header) {
			String key = normalise(cell);
			String target = KNOWN.get(key);
			if (target == null) {
				String alias = ATTRIBUTE_ALIASES.get(key);
				for (AttributeDefinition attribute : attributes) {
					if (key.equals(normalise(attribute.name())) || key.equals(normalise(attribute.label()))
							|| attribute.name().equals(alias)) {
						target = Column.attribute(attribute.name());
						break;
					}
				}
			}
			mapping.add(target != null && taken.add(target) ? target : Column.IGNORE);
		}
		return mapping;
	}

	/** « Adresse courriel » → adressecourriel; "E-mail" → email. */
	static String normalise(String header) {
		String ascii = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}

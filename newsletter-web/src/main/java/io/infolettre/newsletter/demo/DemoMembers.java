package io.infolettre.newsletter.demo;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;

/**
 * Fictional member companies of an industrial association of Saguenay–Lac-Saint-Jean and their
 * contacts, identical on every run (seeded). Names exercise accents, apostrophes, {@code &} and the
 * en dash; addresses are ASCII, at a made-up domain per company under {@value #DOMAIN_SUFFIX}.
 */
final class DemoMembers {

	static final int COMPANY_COUNT = 300;

	// .invalid is reserved (RFC 2606): demo addresses can never reach a real mailbox.
	static final String DOMAIN_SUFFIX = ".exemple.invalid";

	static final String DIRECTION_LIST = "direction";

	static final String NEWSLETTER_LIST = "infolettre";

	private static final long SEED = 2026L;

	// Listed first so that every kind of tricky character is present whatever the random draws.
	private static final List<Company> SIGNATURE_COMPANIES = List.of(
			new Company("Usinage Côté & Fils inc.", Sector.MANUFACTURING, "Saguenay – Parc industriel de Chicoutimi"),
			new Company("Transport L'Étang–Ouellet ltée", Sector.TRANSPORT, "Alma"),
			new Company("Érablière du Lac", Sector.AGRI_FOOD, "Saint-Félicien"));

	private static final List<String> TERRITORIES = List.of("Saguenay – Chicoutimi", "Saguenay – Jonquière",
			"Saguenay – La Baie", "Saguenay – Parc industriel de Chicoutimi", "Saguenay – Port de Grande-Anse", "Alma",
			"Roberval", "Dolbeau-Mistassini", "Saint-Félicien", "Saint-Bruno – Parc industriel", "Saint-Prime",
			"Métabetchouan–Lac-à-la-Croix", "Normandin", "Hébertville", "Saint-Honoré", "Saint-Ambroise");

	// Several common in the region (Tremblay, Harvey, Blackburn); some with an apostrophe.
	private static final List<String> LAST_NAMES = List.of("Tremblay", "Gagnon", "Bouchard", "Côté", "Lévesque",
			"Bélanger", "Girard", "Simard", "Gauthier", "Boivin", "Lavoie", "Fortin", "Harvey", "Savard", "Pelletier",
			"Bergeron", "Ouellet", "Desbiens", "Dufour", "Gaudreault", "Larouche", "Maltais", "Potvin", "Villeneuve",
			"Néron", "Brassard", "Bédard", "Boudreault", "Lapointe", "Ménard", "Fréchette", "Thériault", "Gagné",
			"Hébert", "Morin", "Duchesne", "Émond", "Bilodeau", "Lessard", "Paré", "Bérubé", "Séguin", "Gélinas",
			"Lachance", "Boily", "Claveau", "Blackburn", "Hudon", "Côté-Tremblay", "L'Heureux", "D'Amours",
			"L'Italien", "D'Anjou", "Létourneau", "Guérin", "Riverin", "Bégin", "Gravel", "Pedneault", "Dallaire");

	private static final List<String> FIRST_NAMES = List.of("Marie", "Geneviève", "Hélène", "Isabelle", "Julie",
			"Mélanie", "Nathalie", "Stéphanie", "Valérie", "Josée", "Chantal", "Sylvie", "Karine", "Émilie",
			"Andréanne", "Marie-Ève", "Véronique", "Catherine", "Audrey", "Mylène", "Sophie", "Annie", "Élise",
			"Noémie", "Maude", "Roxanne", "Ariane", "Anne-Marie", "Jérôme", "François", "Jean-François", "Sébastien",
			"Stéphane", "Martin", "Éric", "Patrick", "Mathieu", "Frédéric", "Benoît", "Guillaume", "Simon", "Étienne",
			"Jean-Philippe", "Marc-André", "Pierre-Luc", "Dany", "Luc", "Denis", "Réjean", "Gaétan", "Michel",
			"Alexandre", "Maxime", "Olivier", "Louis", "André", "Rémi", "Jérémie");

	// With their preposition, so that "Érablière %L" reads "Érablière du Lac" or "Érablière d'Alma".
	private static final List<String> PLACES = List.of("du Fjord", "du Lac", "du Royaume", "du Saguenay",
			"de Kénogami", "de la Baie", "de Péribonka", "d'Alma", "de Jonquière", "de Chicoutimi", "de Roberval",
			"de l'Anse", "de Shipshaw", "de Chamouchouane", "de Métabetchouan", "d'Hébertville", "de Valin");

	private static final Set<String> LEGAL_FORMS = Set.of("inc", "ltee");

	private static final int TOTAL_SECTOR_WEIGHT = Arrays.stream(Sector.values()).mapToInt(s -> s.weight).sum();

	private final Random random = new Random(SEED);

	private final Set<String> companyNames = new HashSet<>();

	private final Set<String> domains = new HashSet<>();

	private final Set<String> emails = new HashSet<>();

	private final Instant now;

	private final Consent consent;

	private DemoMembers(Instant now) {
		this.now = now;
		this.consent = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "Démo",
				"Membre de l'association (données de démonstration)", now);
	}

	/** One subscriber per contact, one to three contacts per company. */
	static List<Subscriber> generate(Instant now) {
		return new DemoMembers(now).subscribers();
	}

	private List<Subscriber> subscribers() {
		List<Subscriber> subscribers = new ArrayList<>();
		for (Company company : companies()) {
			String domain = unique(slug(company.name()), "-", DOMAIN_SUFFIX, this.domains);
			int contacts = 1 + this.random.nextInt(3);
			for (int i = 0; i < contacts; i++) {
				subscribers.add(contact(company, domain));
			}
		}
		return subscribers;
	}

	private List<Company> companies() {
		List<Company> companies = new ArrayList<>(SIGNATURE_COMPANIES);
		companies.forEach(company -> this.companyNames.add(company.name()));
		while (companies.size() < COMPANY_COUNT) {
			Sector sector = sector();
			String name = companyName(sector);
			if (this.companyNames.add(name)) {
				companies.add(new Company(name, sector, pick(TERRITORIES)));
			}
		}
		return companies;
	}

	private Subscriber contact(Company company, String domain) {
		String firstName = pick(FIRST_NAMES);
		String lastName = pick(LAST_NAMES);
		String email = unique(slug(firstName) + "." + slug(lastName), "", "@" + domain, this.emails);
		String language = this.random.nextInt(100) < 4 ? "en" : "fr";
		var subscriber = new Subscriber(EmailAddress.of(email), firstName, lastName, company.name(), language,
				this.consent, this.now)
			.withAttribute("secteur", company.sector().label)
			.withAttribute("territoire", company.territory());
		if (this.random.nextInt(100) < 5) {
			subscriber.addToList(DIRECTION_LIST);
		}
		if (this.random.nextInt(100) < 40) {
			subscriber.addToList(NEWSLETTER_LIST);
		}
		return subscriber;
	}

	private Sector sector() {
		int draw = this.random.nextInt(TOTAL_SECTOR_WEIGHT);
		for (Sector sector : Sector.values()) {
			draw -= sector.weight;
			if (draw < 0) {
				return sector;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	private String companyName(Sector sector) {
		String first = pick(LAST_NAMES);
		String second = pick(LAST_NAMES.stream().filter(name -> !name.equals(first)).toList());
		return pick(sector.namePatterns).replace("%N", first).replace("%M", second).replace("%L", pick(PLACES));
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	/** {@code base + suffix}, or with a number before the suffix when that is already taken. */
	private static String unique(String base, String separator, String suffix, Set<String> taken) {
		String candidate = base + suffix;
		for (int n = 2; !taken.add(candidate); n++) {
			candidate = base + separator + n + suffix;
		}
		return candidate;
	}

	/** ASCII, lower case, accents stripped: "Côté & Fils inc." becomes "cote-et-fils". */
	static String slug(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("&", " et ")
			.replace("'", "")
			.toLowerCase(Locale.ROOT);
		return Arrays.stream(ascii.split("[^a-z0-9]+"))
			.filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
			.collect(Collectors.joining("-"));
	}

	private record Company(String name, Sector sector, String territory) {
	}

	/** In name patterns, "%N" and "%M" stand for two different family names, "%L" for a place. */
	private enum Sector {

		// Manufacturing is the core of an industrial association; the other sectors share the rest.
		MANUFACTURING("Fabrication et transformation", 35, "Usinage %N & Fils inc.", "Soudure %N inc.",
				"Métal %L inc.", "Fabrication %N–%M ltée", "Atelier d'usinage %N", "Chaudronnerie %N & Associés",
				"Aluminium %L inc.", "Structures métalliques %N", "Moules et matrices %L", "Scierie %N & Fils"),
		ENGINEERING("Génie", 12, "%N %M experts-conseils", "Génie-conseil %N inc.", "Groupe %N–%M ingénierie",
				"%N & %M ingénieurs", "Géotechnique %L", "Ingénierie %N inc."),
		TRANSPORT("Transport", 13, "Transport %N inc.", "Camionnage %N & Fils", "Entreposage %L inc.",
				"Logistique %N–%M", "Autobus %N ltée", "Transport maritime %L"),
		PROFESSIONAL_SERVICES("Services professionnels", 15, "%N, %M CPA inc.", "%N avocats", "Services-conseils %N",
				"Cabinet d'assurances %N", "Arpenteurs-géomètres %N & Associés", "Ressources humaines %L",
				"Notaires %N–%M"),
		HIGH_TECH("Haute technologie", 12, "Automatisation %N inc.", "Solutions numériques %L", "Robotique %N–%M",
				"Électronique %L inc.", "Informatique %N & Associés", "Vision industrielle %L", "Capteurs %N inc."),
		AGRI_FOOD("Agroalimentaire", 13, "Érablière %L", "Fromagerie %N", "Bleuets %L inc.",
				"Boulangerie %N & Fils", "Ferme laitière %N", "Chocolaterie %L", "Microbrasserie %L", "Fumoir %N",
				"Distillerie %L");

		final String label;

		final int weight;

		final List<String> namePatterns;

		Sector(String label, int weight, String... namePatterns) {
			this.label = label;
			this.weight = weight;
			this.namePatterns = List.of(namePatterns);
		}

	}

}

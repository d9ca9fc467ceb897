import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * bench/AudienceData.java - writes N subscribers straight into a MongoDB-wire server (the bench's
 * application's embedded one), with the distributions of an industrial association of
 * Saguenay–Lac-Saint-Jean: sectors, territories, industrial parks, French mostly, lists, tags, some
 * unsubscribed or bounced, implied consents of which about a third have lapsed, and the last issues
 * each opened. Also 300 member companies and 24 sent issues. Deterministic (fixed seed).
 *
 * Usage (a single-file program, the classpath being the application jar's libraries):
 *   java -cp 'lib/*' bench/AudienceData.java URI N     N subscribers into the database at URI
 */
public class AudienceData {

	static final String[] SECTORS = { "Fabrication et transformation", "Services professionnels", "Génie", "Transport",
			"Agroalimentaire", "Haute technologie" };

	static final double[] SECTOR_SHARE = { 0.34, 0.20, 0.12, 0.10, 0.12, 0.12 };

	static final String[] TERRITORIES = { "Saguenay", "Lac-Saint-Jean-Est", "Le Domaine-du-Roy", "Maria-Chapdelaine",
			"Le Fjord-du-Saguenay", "Mashteuiatsh", "Hors région" };

	static final double[] TERRITORY_SHARE = { 0.46, 0.18, 0.11, 0.09, 0.08, 0.02, 0.06 };

	static final String[] PARKS = { "Parc industriel de Jonquière", "Parc industriel Haute-Technologie", "Parc industriel d’Alma",
			"Parc industriel de Saint-Félicien", "Zone industrielle de La Baie" };

	static final String[] ROLES = { "Direction générale", "Ressources humaines", "Achats", "Ingénierie", "Production",
			"Ventes", "Finances" };

	static final String[] FIRST = { "Amélie", "François", "Hélène", "Jérôme", "Zoé", "Noël", "Maëlle", "Loïc", "Béatrice",
			"Geneviève", "Josée", "Stéphane", "Frédéric", "Mélanie", "Léa", "Émile", "Gaëtan", "Anaïs", "Céline", "Rémi" };

	static final String[] LAST = { "Tremblay", "Côté", "Bélanger", "Gagné", "Lévesque", "Bergeron", "Pelletier", "Gauthier",
			"Bouchard", "Simard", "Girard", "Harvey", "Gagnon", "Boivin", "Villeneuve", "Fortin" };

	public static void main(String[] args) {
		generate(args[0], Integer.parseInt(args[1]));
	}

	static void generate(String uri, int n) {
		var random = new SplittableRandom(42);
		Instant now = Instant.now();
		try (var client = MongoClients.create(uri)) {
			var db = client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase());
			List<String> issues = new ArrayList<>();
			List<Document> issueDocs = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				var id = new ObjectId();
				issues.add(id.toHexString());
				issueDocs.add(new Document("_id", id).append("title", "Infolettre " + (i + 1))
					.append("status", "SENT")
					.append("sentAt", Date.from(now.minus(7L * (24 - i), ChronoUnit.DAYS)))
					.append("createdAt", Date.from(now.minus(7L * (24 - i) + 1, ChronoUnit.DAYS)))
					.append("content", new Document("subject", "Infolettre " + (i + 1)).append("body", "Bonjour")
						.append("template", "infolettre")
						.append("language", "fr"))
					.append("audience", new Document())
					.append("deliveryRound", 0));
			}
			db.getCollection("issues").insertMany(issueDocs);
			String[] companies = new String[300];
			List<Document> companyDocs = new ArrayList<>();
			for (int c = 0; c < companies.length; c++) {
				companies[c] = LAST[c % LAST.length] + " " + new String[] { "Usinage", "Métal", "Services", "Transport",
						"Génie-conseil", "Alimentation" }[(c / LAST.length) % 6] + " " + (c + 1) + " inc.";
				companyDocs.add(new Document("_id", "company:" + companies[c].toLowerCase()).append("name", companies[c])
					.append("attributes", new Document("employes", (long) (5 + random.nextInt(1500)))
						.append("secteur", SECTORS[pick(random, SECTOR_SHARE)])));
			}
			db.getCollection("companies").insertMany(companyDocs);
			// the companies' size is an attribute the coordinator defines (as the application stores it)
			db.getCollection("attribute_definitions").insertOne(new Document("_id", "attr:employes").append("name", "employes")
				.append("label", "Employés")
				.append("type", "NUMBER")
				.append("choices", List.of())
				.append("builtIn", false));
			var subscribers = db.getCollection("subscribers");
			// the application's unique index on the address, made before the data (building it after takes long)
			subscribers.createIndex(new Document("email", 1),
					new com.mongodb.client.model.IndexOptions().unique(true).name("email_unique"));
			long t0 = System.nanoTime();
			List<Document> batch = new ArrayList<>(10_000);
			for (int i = 0; i < n; i++) {
				batch.add(subscriber(i, random, now, companies, issues));
				if (batch.size() == 10_000) {
					subscribers.insertMany(batch, new InsertManyOptions().ordered(false));
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				subscribers.insertMany(batch, new InsertManyOptions().ordered(false));
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("inserted %d subscribers in %.1f s (%.0f/s)%n", n, seconds, n / seconds);
		}
	}

	static Document subscriber(int i, SplittableRandom random, Instant now, String[] companies, List<String> issues) {
		String first = FIRST[random.nextInt(FIRST.length)];
		String last = LAST[random.nextInt(LAST.length)];
		var attributes = new Document("secteur", SECTORS[pick(random, SECTOR_SHARE)])
			.append("territoire", TERRITORIES[pick(random, TERRITORY_SHARE)])
			.append("fonction", ROLES[random.nextInt(ROLES.length)])
			.append("membreDepuis", LocalDate.of(1990, 1, 1).plusDays(random.nextInt(36 * 365)).toString());
		if (random.nextDouble() < 0.4) {
			attributes.append("parc", PARKS[random.nextInt(PARKS.length)]);
		}
		List<String> lists = new ArrayList<>();
		maybe(random, 0.85, lists, "infolettre");
		maybe(random, 0.40, lists, "evenements");
		maybe(random, 0.25, lists, "formations");
		maybe(random, 0.01, lists, "conseil");
		List<String> tags = new ArrayList<>();
		maybe(random, 0.20, tags, "sous-traitant");
		maybe(random, 0.12, tags, "exportateur");
		maybe(random, 0.08, tags, "congres-2025");
		maybe(random, 0.05, tags, "nouveau-membre");
		double s = random.nextDouble();
		String status = s < 0.92 ? "ACTIVE" : s < 0.97 ? "UNSUBSCRIBED" : s < 0.99 ? "BOUNCED" : "PENDING_CONFIRMATION";
		double c = random.nextDouble();
		// implied consents granted over the last three years: a third of them have lapsed
		Instant granted = now.minus(random.nextInt(3 * 365), ChronoUnit.DAYS);
		Document consent;
		if (c < 0.35) {
			consent = new Document("type", "EXPRESS").append("channel", "FORM")
				.append("source", "/abonnement")
				.append("proof", "Je veux recevoir l’infolettre")
				.append("grantedAt", Date.from(granted))
				.append("expiresAt", null);
		}
		else {
			consent = new Document("type", c < 0.95 ? "IMPLIED_MEMBERSHIP" : "IMPLIED_BUSINESS_RELATIONSHIP")
				.append("channel", "IMPORT")
				.append("source", "membres.csv, ligne " + (i + 2))
				.append("proof", "Membre de l’association")
				.append("grantedAt", Date.from(granted))
				.append("expiresAt", Date.from(granted.plus(730, ChronoUnit.DAYS)));
		}
		consent.append("withdrawnAt", "UNSUBSCRIBED".equals(status) ? Date.from(now) : null);
		String company = companies[random.nextInt(companies.length)];
		var document = new Document("_id", new ObjectId()).append("email", ascii(first) + "." + ascii(last) + "." + i + "@membres.exemple.ca")
			.append("firstName", first)
			.append("lastName", last)
			.append("company", company)
			.append("language", random.nextDouble() < 0.93 ? "fr" : "en")
			.append("attributes", attributes)
			.append("lists", lists)
			.append("tags", tags)
			.append("status", status)
			.append("consent", consent)
			.append("createdAt", Date.from(granted))
			.append("updatedAt", Date.from(granted))
			.append("searchNames", List.of(fold(first), fold(last), fold(first + " " + last), fold(last + " " + first)))
			.append("companyKey", fold(company))
			.append("hardBounces", 0)
			.append("trackingRefused", false);
		// engaged readers open about half of the issues; 40 % never open any
		if (random.nextDouble() < 0.6) {
			List<String> opened = new ArrayList<>();
			double rate = random.nextDouble();
			for (String issue : issues) {
				if (random.nextDouble() < rate) {
					opened.add(issue);
				}
			}
			if (!opened.isEmpty()) {
				document.append("engagement", new Document("openedIssues", opened).append("lastOpenedAt", Date.from(now)));
			}
		}
		return document;
	}

	static void maybe(SplittableRandom random, double share, List<String> into, String value) {
		if (random.nextDouble() < share) {
			into.add(value);
		}
	}

	static int pick(SplittableRandom random, double[] shares) {
		double r = random.nextDouble();
		for (int i = 0; i < shares.length; i++) {
			r -= shares[i];
			if (r < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}

	// the folded search keys the application gives every subscriber (SubscriberSearch): without them
	// it would give them all at its next start
	static String fold(String s) {
		return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
	}

	static String ascii(String s) {
		return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase()
			.replace(' ', '-');
	}

}

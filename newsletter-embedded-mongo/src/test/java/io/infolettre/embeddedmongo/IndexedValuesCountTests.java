package io.infolettre.embeddedmongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts answered from the values kept in memory ({@link IndexedValues}) equal the stock backend's
 * counts, which read and match every document: a generated corpus of filters over generated
 * subscribers (missing fields, explicit nulls, arrays holding null, numbers of three types, dates,
 * accents), each operator, nested AND / OR / NOR and NOT; after updates and deletes; from a reopened file.
 * So do the first documents in {@code _id} order that a filter selects, all it selects in no order, and
 * the distinct values of a field among them (read through the kept values).
 */
class IndexedValuesCountTests {

	private static final String COLLECTION = "subscribers";

	private static final String[] STATUSES = { "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "UNSUBSCRIBED", "BOUNCED",
			"PENDING" };

	private static final String[] LISTS = { "infolettre", "formations", "événements", "sondages" };

	private static final String[] TAGS = { "exportateur", "membre-fondateur", "Économie verte" };

	private static final String[] SECTORS = { "Fabrication et transformation", "Génie", "Transport", "Agroalimentaire",
			"Haute technologie", "Services professionnels" };

	private static final String[] TERRITORIES = { "Saguenay", "Lac-Saint-Jean-Est", "Le Domaine-du-Roy",
			"Maria-Chapdelaine" };

	private static final String[] COMPANIES = { "Usinage Côté", "Transport Gagné", "Génie Lévesque",
			"Fromagerie Boivin", "Métal Bouchard" };

	private static final String[] ISSUES = { "i1", "i2", "i3", "i4", "i5", "i6" };

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	@TempDir
	Path dir;

	private final List<MongoServer> servers = new ArrayList<>();

	private final List<MongoClient> clients = new ArrayList<>();

	@AfterEach
	void stop() {
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdownNow);
	}

	@Test
	void countsFromTheKeptValuesEqualTheStockScanForEveryOperatorAndAfterWrites() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("counted.mv").toString()).open();
		var ours = DurableH2Backend.open(store, Set.of(COLLECTION));
		MongoCollection<Document> counted = collection(ours);
		MongoCollection<Document> scanned = collection(H2Backend.inMemory());
		createIndexes(counted);
		createIndexes(scanned);
		var random = new SplittableRandom(1642);
		List<Document> subscribers = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			subscribers.add(subscriber(i, random));
		}
		counted.insertMany(subscribers);
		scanned.insertMany(subscribers);

		var kept = keptCollection(ours);
		awaitCountedInMemory(kept, counted);
		long before = kept.answeredFromKeptValues();
		int answers = assertSameAnswers(counted, scanned, random, 400);
		assertThat(kept.answeredFromKeptValues() - before).as("every count and page answered from the kept values")
			.isEqualTo(answers);

		Document late = subscriber(10_000, random);
		for (var target : List.of(counted, scanned)) {
			target.updateMany(Filters.eq("attributes.secteur", "Génie"),
					Updates.combine(Updates.set("status", "UNSUBSCRIBED"), Updates.addToSet("tags", "exportateur")));
			target.updateMany(Filters.in("lists", "sondages"), Updates.unset("consent.expiresAt"));
			target.updateOne(Filters.eq("_id", "s7"), Updates.set("attributes", new Document("secteur", "Génie")));
			target.deleteMany(Filters.eq("company", "Transport Gagné"));
			target.insertOne(late.append("_id", "s10000"));
		}
		assertThat(counted.countDocuments()).isEqualTo(scanned.countDocuments());
		assertSameAnswers(counted, scanned, random, 150);
	}

	@Test
	void aFilterOnAFieldNoIndexNamesIsCountedByReadingTheDocuments() {
		var ours = DurableH2Backend.open(new MVStore.Builder().open(), Set.of(COLLECTION));
		MongoCollection<Document> counted = collection(ours);
		createIndexes(counted);
		var random = new SplittableRandom(7);
		for (int i = 0; i < 200; i++) {
			counted.insertOne(subscriber(i, random));
		}
		var kept = keptCollection(ours);
		awaitCountedInMemory(kept, counted);
		long before = kept.answeredFromKeptValues();

		long named = counted.countDocuments(Filters.regex("firstName", "^Am"));

		assertThat(named).isEqualTo(counted.find(Filters.regex("firstName", "^Am")).into(new ArrayList<>()).size())
			.isPositive();
		assertThat(kept.answeredFromKeptValues()).isEqualTo(before);
	}

	@Test
	void theValuesOfDocumentsWrittenBeforeAreKeptAfterTheFillAndAfterReopening() {
		Path file = this.dir.resolve("reopened.mv");
		var random = new SplittableRandom(99);
		MVStore first = new MVStore.Builder().fileName(file.toString()).open();
		var backend = DurableH2Backend.open(first, Set.of(COLLECTION));
		MongoCollection<Document> counted = collection(backend);
		List<Document> subscribers = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			subscribers.add(subscriber(i, random));
		}
		counted.insertMany(subscribers);
		long active = subscribers.stream().filter(s -> "ACTIVE".equals(s.get("status"))).count();
		createIndexes(counted); // after the documents: the values are filled from them in the background

		var kept = keptCollection(backend);
		waitFor(() -> counted.countDocuments(Filters.eq("status", "ACTIVE")) == active && kept.answeredFromKeptValues() > 0);
		stop();
		this.servers.clear();
		this.clients.clear();
		first.close();

		MVStore again = new MVStore.Builder().fileName(file.toString()).open();
		var reopened = DurableH2Backend.open(again, Set.of(COLLECTION));
		MongoCollection<Document> sameCollection = collection(reopened);
		var keptAgain = keptCollection(reopened);
		waitFor(() -> sameCollection.countDocuments(Filters.eq("status", "ACTIVE")) == active
				&& keptAgain.answeredFromKeptValues() > 0);
	}

	// returns how many counts and pages were compared
	private int assertSameAnswers(MongoCollection<Document> counted, MongoCollection<Document> scanned,
			SplittableRandom random, int n) {
		int answers = 0;
		for (int i = 0; i < n; i++) {
			Bson filter = i % 4 == 0 ? receivableAnd(filter(random, 0)) : filter(random, 0);
			assertThat(counted.countDocuments(filter)).as(filter.toBsonDocument().toJson())
				.isEqualTo(scanned.countDocuments(filter));
			answers++;
			if (i % 5 == 0) {
				// a segment's sample, a page of its members: the first ones in _id order, after one
				Bson page = i % 10 == 0 ? filter : Filters.and(filter, Filters.gt("_id", "s" + random.nextInt(1_000)));
				Bson order = i % 3 == 0 ? Sorts.descending("_id") : Sorts.ascending("_id");
				assertThat(ids(counted, page, order)).as(page.toBsonDocument().toJson()).isEqualTo(ids(scanned, page, order));
				answers++;
			}
			if (i % 7 == 0) {
				// distinct values (the company names the audience backfill reads), and every match in no order
				String key = pick(random, "company", "lists", "attributes.territoire", "engagement.openedIssues");
				assertThat(counted.distinct(key, filter, BsonValue.class).into(new ArrayList<>())).as(key + " " + filter)
					.isEqualTo(scanned.distinct(key, filter, BsonValue.class).into(new ArrayList<>()));
				assertThat(counted.find(filter).map(d -> d.get("_id")).into(new ArrayList<>())).as(filter.toString())
					.containsExactlyInAnyOrderElementsOf(scanned.find(filter).map(d -> d.get("_id")).into(new ArrayList<>()));
				answers += 2;
			}
		}
		return answers;
	}

	private static List<Object> ids(MongoCollection<Document> collection, Bson filter, Bson order) {
		return collection.find(filter).sort(order).limit(10).map(d -> d.get("_id")).into(new ArrayList<>());
	}

	// the application's audience filter (Receivable) around a selection
	private static Bson receivableAnd(Bson selection) {
		return Filters.and(Filters.eq("status", "ACTIVE"), Filters.eq("consent.withdrawnAt", null),
				Filters.or(Filters.eq("consent.expiresAt", null), Filters.gt("consent.expiresAt", Date.from(NOW))),
				selection);
	}

	private static Bson filter(SplittableRandom random, int depth) {
		int kind = random.nextInt(depth >= 2 ? 10 : 13);
		return switch (kind) {
			case 10 -> Filters.and(filter(random, depth + 1), filter(random, depth + 1));
			case 11 -> Filters.or(filter(random, depth + 1), filter(random, depth + 1), filter(random, depth + 1));
			case 12 -> Filters.nor(filter(random, depth + 1), filter(random, depth + 1));
			default -> leaf(random);
		};
	}

	private static Bson leaf(SplittableRandom random) {
		String field = pick(random, "status", "language", "lists", "tags", "company", "attributes.secteur",
				"attributes.territoire", "attributes.employes", "attributes.membreDepuis", "attributes.exportateur",
				"consent.type", "consent.expiresAt", "consent.withdrawnAt", "engagement.openedIssues");
		Supplier<Object> value = () -> valueFor(field, random);
		return switch (random.nextInt(13)) {
			case 0, 1 -> Filters.eq(field, value.get());
			case 2 -> Filters.ne(field, value.get());
			case 3 -> Filters.in(field, value.get(), value.get(), random.nextInt(4) == 0 ? null : value.get());
			case 4 -> Filters.nin(field, value.get(), value.get());
			// on arrays: mongo-java-server's $all never matches a scalar, MongoDB's matches it as $and would
			case 5 -> Filters.all(pick(random, "lists", "tags", "engagement.openedIssues"),
					pick(random, LISTS[0], TAGS[0], ISSUES[0]), pick(random, LISTS[1], TAGS[1], ISSUES[1]));
			case 6 -> Filters.gt(field, bound(field, random));
			case 7 -> Filters.gte(field, bound(field, random));
			case 8 -> Filters.lt(field, bound(field, random));
			case 9 -> Filters.lte(field, bound(field, random));
			case 10 -> Filters.exists(field, random.nextBoolean());
			case 11 -> Filters.regex(field, Pattern.quote(pick(random, "gé", "TRANS", "o", "Côté", "Éco", "saguenay")),
					random.nextBoolean() ? "i" : "");
			default -> random.nextBoolean() ? Filters.not(Filters.gt(field, bound(field, random)))
					: Filters.not(Filters.in(field, value.get(), value.get()));
		};
	}

	private static Object valueFor(String field, SplittableRandom random) {
		if (random.nextInt(12) == 0) {
			return null;
		}
		return switch (field) {
			case "status" -> pick(random, STATUSES);
			case "language" -> pick(random, "fr", "en", "es");
			case "lists" -> pick(random, LISTS);
			case "tags" -> pick(random, TAGS);
			case "company" -> pick(random, COMPANIES);
			case "attributes.secteur" -> pick(random, SECTORS);
			case "attributes.territoire" -> pick(random, TERRITORIES);
			case "attributes.employes" -> random.nextBoolean() ? random.nextInt(60) : (double) random.nextInt(60);
			case "attributes.exportateur" -> random.nextBoolean();
			case "consent.type" -> pick(random, "EXPRESS", "IMPLIED");
			case "engagement.openedIssues" -> pick(random, ISSUES);
			default -> date(random);
		};
	}

	// a bound of the field's own type most of the time, of another type sometimes (MongoDB compares within a type)
	private static Object bound(String field, SplittableRandom random) {
		if (random.nextInt(10) == 0) {
			return random.nextBoolean() ? "M" : 20;
		}
		Object value = valueFor(field, random);
		return value != null ? value : date(random);
	}

	private static Date date(SplittableRandom random) {
		return Date.from(NOW.plus(Duration.ofDays(random.nextInt(-900, 900))));
	}

	private static Document subscriber(int i, SplittableRandom random) {
		var subscriber = new Document("_id", "s" + i).append("email", "membre" + i + "@exemple.ca")
			.append("firstName", pick(random, "Amélie", "François", "Hélène", "Zoé"));
		if (random.nextInt(50) != 0) {
			subscriber.append("status", pick(random, STATUSES));
		}
		switch (random.nextInt(10)) {
			case 0 -> subscriber.append("language", null);
			case 1 -> {
			}
			default -> subscriber.append("language", random.nextInt(8) == 0 ? "en" : "fr");
		}
		if (random.nextInt(20) != 0) {
			subscriber.append("lists", subset(random, LISTS));
		}
		if (random.nextInt(4) != 0) {
			subscriber.append("tags", subset(random, TAGS));
		}
		if (random.nextInt(5) != 0) {
			subscriber.append("company", pick(random, COMPANIES));
		}
		if (random.nextInt(15) != 0) {
			var attributes = new Document();
			if (random.nextInt(10) != 0) {
				attributes.append("secteur", random.nextInt(30) == 0 ? null : pick(random, SECTORS));
			}
			if (random.nextInt(6) != 0) {
				attributes.append("territoire", pick(random, TERRITORIES));
			}
			switch (random.nextInt(6)) {
				case 0 -> attributes.append("employes", (long) random.nextInt(60));
				case 1 -> attributes.append("employes", random.nextInt(60) + 0.5);
				case 2 -> attributes.append("employes", "12");
				case 3 -> {
				}
				default -> attributes.append("employes", random.nextInt(60));
			}
			if (random.nextInt(3) != 0) {
				attributes.append("membreDepuis", random.nextInt(20) == 0 ? "2019" : date(random));
			}
			if (random.nextBoolean()) {
				attributes.append("exportateur", random.nextBoolean());
			}
			subscriber.append("attributes", attributes);
		}
		var consent = new Document("type", random.nextInt(3) == 0 ? "EXPRESS" : "IMPLIED");
		switch (random.nextInt(4)) {
			case 0 -> consent.append("expiresAt", null);
			case 1 -> {
			}
			default -> consent.append("expiresAt", date(random));
		}
		if (random.nextInt(10) == 0) {
			consent.append("withdrawnAt", date(random));
		}
		else if (random.nextInt(10) == 0) {
			consent.append("withdrawnAt", null);
		}
		subscriber.append("consent", consent);
		if (random.nextBoolean()) {
			subscriber.append("engagement", new Document("openedIssues", subset(random, ISSUES)));
		}
		return subscriber;
	}

	private static List<Object> subset(SplittableRandom random, String... values) {
		List<Object> subset = new ArrayList<>();
		for (String value : values) {
			if (random.nextInt(3) == 0) {
				subset.add(value);
			}
		}
		if (random.nextInt(60) == 0) {
			subset.add(null);
		}
		return subset;
	}

	@SafeVarargs
	private static <T> T pick(SplittableRandom random, T... values) {
		return values[random.nextInt(values.length)];
	}

	// the application's indexes (SegmentIndexes), in short
	private static void createIndexes(MongoCollection<Document> collection) {
		collection.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		collection.createIndex(Indexes.ascending("status", "language"));
		collection.createIndex(Indexes.ascending("status", "lists"));
		collection.createIndex(Indexes.ascending("status", "tags"));
		collection.createIndex(Indexes.ascending("status", "company"));
		collection.createIndex(Indexes.ascending("status", "engagement.openedIssues"));
		collection.createIndex(Indexes.ascending("status", "consent.withdrawnAt", "consent.expiresAt"));
		collection.createIndex(Indexes.ascending("status", "consent.type"));
		collection.createIndex(Indexes.ascending("status", "attributes.secteur", "attributes.territoire"));
		collection.createIndex(new Document("attributes.$**", 1));
	}

	private MongoCollection<Document> collection(MongoBackend backend) {
		var server = new MongoServer(backend);
		this.servers.add(server);
		InetSocketAddress address = server.bind();
		var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		this.clients.add(client);
		return client.getDatabase("d").getCollection(COLLECTION);
	}

	private static IndexFirstH2Database.IndexFirstCollection keptCollection(MongoBackend backend) {
		return (IndexFirstH2Database.IndexFirstCollection) ((IndexFirstH2Database) ((DurableH2Backend) backend)
			.resolveDatabase("d")).resolveCollection(COLLECTION, true);
	}

	private static void awaitCountedInMemory(IndexFirstH2Database.IndexFirstCollection kept,
			MongoCollection<Document> collection) {
		waitFor(() -> {
			long before = kept.answeredFromKeptValues();
			collection.countDocuments(Filters.eq("status", "ACTIVE"));
			return kept.answeredFromKeptValues() > before;
		});
	}

	private static void waitFor(Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.get()) {
			assertThat(System.nanoTime()).as("still waiting after 20 s").isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}

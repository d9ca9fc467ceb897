package io.infolettre.embeddedmongo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An acknowledged write is in the file, not waiting for the store's background commit; a query that
 * names {@code _id} and more answers as a scan would (it reads the {@code _id} index's candidates).
 */
class DurableH2BackendTests {

	@TempDir
	Path dir;

	@Test
	void acknowledgedWritesLeaveNothingUncommitted() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("durable.mv").toString()).open();
		assertThat(writeThenHasUnsavedChanges(DurableH2Backend.open(store, Set.of()), store)).isFalse();
	}

	@Test
	void theStockBackendLeavesAcknowledgedWritesUncommitted() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("stock.mv").toString()).open();
		assertThat(writeThenHasUnsavedChanges(new H2Backend(store), store))
			.as("what DurableH2Backend exists for").isTrue();
	}

	private static boolean writeThenHasUnsavedChanges(H2Backend backend, MVStore store) {
		return withCollection(backend, collection -> {
			collection.insertOne(new Document("_id", 1).append("n", "Réal"));
			collection.updateOne(new Document("_id", 1), new Document("$set", new Document("n", "Rémi")));
			return store.hasUnsavedChanges();
		});
	}

	@Test
	void queriesNamingIdAndMoreAnswerAsAScanWould() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("planned.mv").toString()).open();
		withCollection(DurableH2Backend.open(store, Set.of()), collection -> {
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				var document = new Document("_id", "e" + i).append("courriel", "membre" + i + "@exemple.ca").append("n", i % 7).append("ville", i % 2 == 0 ? "Alma" : "Jonquière");
				if (i % 3 == 0) {
					document.append("openedAt", i);
				}
				documents.add(document);
			}
			collection.insertMany(documents);

			assertThat(ids(collection, Filters.and(Filters.eq("_id", "e4"), Filters.exists("openedAt", false))))
				.containsExactly("e4");
			assertThat(ids(collection, Filters.and(Filters.eq("_id", "e3"), Filters.exists("openedAt", false)))).isEmpty();
			assertThat(ids(collection, Filters.and(Filters.eq("_id", "absent"), Filters.eq("n", 1)))).isEmpty();
			assertThat(ids(collection, Filters.and(Filters.in("_id", "e1", "e2", "e9", "e10", "absent"),
					Filters.eq("ville", "Alma")))).containsExactlyInAnyOrder("e2", "e10");
			collection.createIndex(Indexes.ascending("courriel"), new IndexOptions().unique(true));
			assertThat(ids(collection, Filters.and(Filters.in("courriel", "membre1@exemple.ca", "membre2@exemple.ca",
					"membre10@exemple.ca", "absent@exemple.ca"), Filters.eq("ville", "Alma"))))
				.containsExactlyInAnyOrder("e2", "e10");
			assertThat(collection.find(Filters.and(Filters.in("_id", "e5", "e6", "e7"), Filters.gte("n", 0)))
				.sort(Sorts.descending("n")).map(d -> d.getString("_id")).into(new ArrayList<>()))
				.containsExactly("e6", "e5", "e7");
			// an _id condition the index cannot answer: the scan answers it
			assertThat(ids(collection, Filters.and(Filters.gte("_id", "e98"), Filters.eq("n", 1))))
				.containsExactlyInAnyOrderElementsOf(documents.stream()
					.filter(d -> d.getString("_id").compareTo("e98") >= 0 && d.getInteger("n") == 1)
					.map(d -> d.getString("_id")).toList());

			// the conditional "set once" update: the first takes, the second finds nothing to set
			var once = Filters.and(Filters.eq("_id", "e8"), Filters.exists("openedAt", false));
			assertThat(collection.updateOne(once, Updates.set("openedAt", 1)).getModifiedCount()).isEqualTo(1);
			assertThat(collection.updateOne(once, Updates.set("openedAt", 2)).getModifiedCount()).isZero();
			assertThat(collection.find(Filters.eq("_id", "e8")).first().getInteger("openedAt")).isEqualTo(1);
			assertThat(collection.countDocuments(Filters.and(Filters.in("_id", "e8", "e9", "e10"),
					Filters.exists("openedAt")))).isEqualTo(2);
			assertThat(collection.deleteMany(Filters.and(Filters.in("_id", "e8", "e9"), Filters.exists("openedAt")))
				.getDeletedCount()).isEqualTo(2);
			assertThat(collection.countDocuments()).isEqualTo(498);

			// the index remembers recent keys: a key removed and added again is found where it is now
			collection.insertOne(new Document("_id", "e8").append("courriel", "membre8@exemple.ca").append("n", 99));
			assertThat(collection.find(Filters.eq("_id", "e8")).first().getInteger("n")).isEqualTo(99);
			assertThatThrownBy(() -> collection.insertOne(new Document("_id", "e8").append("courriel", "autre@exemple.ca")))
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
			collection.replaceOne(Filters.eq("_id", "e8"), new Document("courriel", "membre8@exemple.ca").append("n", 100));
			assertThat(ids(collection, Filters.and(Filters.eq("_id", "e8"), Filters.eq("n", 100)))).containsExactly("e8");
			assertThat(collection.countDocuments()).isEqualTo(499);
			return null;
		});
	}

	@Test
	void collectionsReopenedFromTheFileStillFindByIndexFirst() {
		Path file = this.dir.resolve("reopened.mv");
		MVStore first = new MVStore.Builder().fileName(file.toString()).open();
		withCollection(DurableH2Backend.open(first, Set.of()), collection -> collection.insertOne(new Document("_id", "e1").append("n", 1)));
		first.close();

		MVStore again = new MVStore.Builder().fileName(file.toString()).open();
		var backend = DurableH2Backend.open(again, Set.of());
		assertThat(backend.resolveDatabase("d").resolveCollection("c", false))
			.isInstanceOf(IndexFirstH2Database.IndexFirstCollection.class);
		List<String> found = withCollection(backend,
				collection -> ids(collection, Filters.and(Filters.eq("_id", "e1"), Filters.eq("n", 1))));
		assertThat(found).containsExactly("e1");
		again.close();
	}

	@Test
	void documentsStoredAsBsonReadBackEqualAndAFolderTheStockBackendWroteStaysReadableWhileRewritten() {
		Path file = this.dir.resolve("bson.mv");
		List<Document> written = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			written.add(everyType(i));
		}
		MVStore stock = new MVStore.Builder().fileName(file.toString()).open();
		withCollection(new H2Backend(stock), collection -> collection.insertMany(written.subList(0, 200)));
		stock.close();

		// pages of Java-serialised documents and pages of BSON in one file
		MVStore mixed = new MVStore.Builder().fileName(file.toString()).open();
		withCollection(DurableH2Backend.open(mixed, Set.of()), collection -> {
			collection.insertMany(written.subList(200, 400));
			for (int i = 0; i < 400; i += 3) {
				collection.updateOne(Filters.eq("_id", i), Updates.set("note", "Révisé n° " + i));
				written.get(i).append("note", "Révisé n° " + i);
			}
			return null;
		});
		mixed.close();

		MVStore again = new MVStore.Builder().fileName(file.toString()).open();
		List<Document> read = withCollection(DurableH2Backend.open(again, Set.of()),
				collection -> collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
		again.close();
		assertThat(read).hasSize(400);
		for (int i = 0; i < 400; i++) {
			assertThat(read.get(i).toJson()).isEqualTo(written.get(i).toJson());
		}
	}

	private static Document everyType(int i) {
		return new Document("_id", i).append("courriel", "zoé.côté." + i + "@exemple.ca")
			.append("entier", i)
			.append("long", 5_000_000_000L + i)
			.append("réel", i / 3.0)
			.append("décimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.50")))
			.append("vrai", i % 2 == 0)
			.append("nul", null)
			.append("date", new java.util.Date(1_700_000_000_000L + i))
			.append("objectId", new org.bson.types.ObjectId(1_700_000_000 + i, i))
			.append("binaire", new org.bson.types.Binary(new byte[] { 1, 2, (byte) i }))
			.append("uuid", new org.bson.types.Binary(org.bson.BsonBinarySubType.UUID_STANDARD, new byte[16]))
			.append("regex", new org.bson.BsonRegularExpression("^Saguenay", "i"))
			.append("listes", List.of("infolettre", "événements"))
			.append("vide", List.of())
			.append("attributs", new Document("secteur", "Génie").append("employés", 40 + i)
				.append("parcs", List.of(new Document("nom", "Parc d’Alma"), "Jonquière")));
	}

	@Test
	void aDataFolderTheStockBackendWroteIsSearchedTheSame() {
		Path file = this.dir.resolve("stock-written.mv");
		MVStore stock = new MVStore.Builder().fileName(file.toString()).open();
		withCollection(new H2Backend(stock), collection -> {
			collection.createIndex(Indexes.ascending("courriel"), new IndexOptions().unique(true));
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 3000; i++) {
				documents.add(new Document("_id", "e" + i).append("courriel", "membre" + i + "@exemple.ca"));
			}
			return collection.insertMany(documents);
		});
		stock.close();

		MVStore again = new MVStore.Builder().fileName(file.toString()).open();
		withCollection(DurableH2Backend.open(again, Set.of()), collection -> {
			for (int i = 0; i < 3000; i += 7) {
				assertThat(ids(collection, Filters.eq("_id", "e" + i))).containsExactly("e" + i);
				assertThat(ids(collection, Filters.eq("courriel", "membre" + i + "@exemple.ca"))).containsExactly("e" + i);
			}
			assertThatThrownBy(() -> collection.insertOne(new Document("_id", "e2999").append("courriel", "x@exemple.ca")))
				.isInstanceOf(MongoWriteException.class);
			assertThatThrownBy(() -> collection.insertOne(new Document("_id", "nouveau").append("courriel", "membre5@exemple.ca")))
				.isInstanceOf(MongoWriteException.class);
			collection.insertOne(new Document("_id", "nouveau").append("courriel", "nouveau@exemple.ca"));
			assertThat(ids(collection, Filters.eq("courriel", "nouveau@exemple.ca"))).containsExactly("nouveau");
			return null;
		});
		again.close();
	}

	private static List<String> ids(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
		return collection.find(filter).map(d -> d.getString("_id")).into(new ArrayList<>());
	}

	private static <T> T withCollection(H2Backend backend, Function<MongoCollection<Document>, T> work) {
		var server = new MongoServer(backend);
		try {
			InetSocketAddress address = server.bind();
			try (var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
				return work.apply(client.getDatabase("d").getCollection("c"));
			}
		}
		finally {
			server.shutdownNow();
		}
	}

}

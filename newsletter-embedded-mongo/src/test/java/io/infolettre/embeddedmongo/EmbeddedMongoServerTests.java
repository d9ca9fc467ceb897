package io.infolettre.embeddedmongo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The entry point: what it is given reaches the engine, and its file holds what it was told. */
class EmbeddedMongoServerTests {

	@TempDir
	Path dir;

	@Test
	void listensOnLoopbackOnAFreePortByDefault() {
		try (var server = EmbeddedMongoServer.inMemory().start()) {
			assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
			assertThat(server.address().getPort()).isPositive();
			assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.address().getPort());
		}
	}

	@Test
	void itsFileHoldsTheDataAcrossAStopAndAStartAndTheNamedCollectionsAreCountedFromKeptValues() {
		Path file = this.dir.resolve("dossier").resolve("base.mv");
		try (var server = EmbeddedMongoServer.inFile(file).keepValuesOf(List.of("membres")).start();
				var client = MongoClients.create(server.connectionString())) {
			var members = client.getDatabase("d").getCollection("membres");
			members.createIndex(Indexes.ascending("statut"));
			members.insertMany(List.of(new Document("_id", 1).append("statut", "ACTIF"),
					new Document("_id", 2).append("statut", "DÉSABONNÉ"), new Document("_id", 3).append("statut", "ACTIF")));
			client.getDatabase("d").getCollection("autres").createIndex(Indexes.ascending("statut"));
		}
		try (var server = EmbeddedMongoServer.inFile(file).keepValuesOf(Set.of("membres")).start();
				var client = MongoClients.create(server.connectionString())) {
			var members = client.getDatabase("d").getCollection("membres");
			var kept = (IndexFirstH2Database.IndexFirstCollection) server.backend()
				.resolveDatabase("d")
				.resolveCollection("membres", true);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				long before = kept.answeredFromKeptValues();
				return members.countDocuments(Filters.eq("statut", "ACTIF")) == 2 && kept.answeredFromKeptValues() > before;
			});
			var others = (IndexFirstH2Database.IndexFirstCollection) server.backend()
				.resolveDatabase("d")
				.resolveCollection("autres", true);
			client.getDatabase("d").getCollection("autres").countDocuments(Filters.eq("statut", "ACTIF"));
			assertThat(others.answeredFromKeptValues()).as("a collection not named is counted from its documents").isZero();
		}
	}

	@Test
	void theCommandLineNeedsAFileOrMemoryAndTakesItsOptions() {
		var arguments = ServerArguments.parse("--port", "27018", "--file", "data/newsletter.mv", "--keep-values-of",
				"subscribers, autres", "--cache-mb", "64");
		assertThat(arguments).isEqualTo(new ServerArguments("127.0.0.1", 27018, Path.of("data/newsletter.mv"),
				Set.of("subscribers", "autres"), 64));
		assertThat(ServerArguments.parse("--in-memory").port()).isEqualTo(27017);
		assertThatThrownBy(() -> ServerArguments.parse("--port", "27018")).hasMessageContaining("--in-memory");
		assertThatThrownBy(() -> ServerArguments.parse("--in-memory", "--file", "x.mv")).hasMessageContaining("either");
		assertThatThrownBy(() -> ServerArguments.parse("--in-memory", "--port", "vingt")).hasMessageContaining("number");
		assertThatThrownBy(() -> ServerArguments.parse("--in-memory", "--port")).hasMessageContaining("Missing");
		assertThatThrownBy(() -> ServerArguments.parse("--in-memory", "--bavard", "oui")).hasMessageContaining("Unknown");
	}

}

package io.infolettre.newsletter.system;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An acknowledged write is in the file, not waiting for the store's background commit. */
class DurableH2BackendTests {

	@TempDir
	Path dir;

	@Test
	void acknowledgedWritesLeaveNothingUncommitted() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("durable.mv").toString()).open();
		assertThat(writeThenHasUnsavedChanges(new DurableH2Backend(store), store)).isFalse();
	}

	@Test
	void theStockBackendLeavesAcknowledgedWritesUncommitted() {
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("stock.mv").toString()).open();
		assertThat(writeThenHasUnsavedChanges(new H2Backend(store), store))
			.as("what DurableH2Backend exists for").isTrue();
	}

	private static boolean writeThenHasUnsavedChanges(H2Backend backend, MVStore store) {
		var server = new MongoServer(backend);
		try {
			InetSocketAddress address = server.bind();
			try (var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
				var collection = client.getDatabase("d").getCollection("c");
				collection.insertOne(new Document("_id", 1).append("n", "Réal"));
				collection.updateOne(new Document("_id", 1), new Document("$set", new Document("n", "Rémi")));
				return store.hasUnsavedChanges();
			}
		}
		finally {
			server.shutdownNow();
		}
	}

}

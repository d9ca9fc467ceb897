package io.infolettre.newsletter.indexcontract;

import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.infolettre.newsletter.indexcontract.RecordedCommands.Sighting;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder on the commands the real driver sends to a real MongoDB-wire server: each statement of
 * a bulk write, counts and aggregations, and the indexes a createIndexes declares.
 */
class RecordedCommandsIntegrationTests {

	private final RecordedCommands recorded = new RecordedCommands();

	private final MongoServer server = new MongoServer(H2Backend.inMemory());

	private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
		.applyConnectionString(new ConnectionString(this.server.bindAndGetConnectionString()))
		.addCommandListener(this.recorded)
		.build());

	private final MongoTemplate mongo = new MongoTemplate(this.client, "recorded");

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void everyStatementOfABulkWriteAndEveryKindOfQueryIsRecordedOnceByShape() {
		this.mongo.insert(new Document("_id", "a").append("issueId", "i").append("status", "PENDING"), "entries");
		var bulk = this.mongo.bulkOps(BulkMode.UNORDERED, "entries");
		bulk.updateOne(Query.query(Criteria.where("_id").is("a")), Update.update("status", "SENT"));
		bulk.updateOne(Query.query(Criteria.where("_id").is("b")), Update.update("status", "SENT"));
		bulk.updateMulti(Query.query(Criteria.where("issueId").is("i").and("status").in("PENDING")),
				Update.update("status", "SKIPPED"));
		bulk.remove(Query.query(Criteria.where("issueId").is("j")));
		bulk.execute();
		this.mongo.count(Query.query(Criteria.where("status").is("SENT")), "entries");
		this.mongo.find(Query.query(Criteria.where("issueId").is("i")).with(Sort.by("_id")).limit(10), Document.class,
				"entries");

		assertThat(this.recorded.sightings()).extracting(sighting -> sighting.shape().text())
			.containsExactlyInAnyOrder("update entries {_id: ?}", "update entries {issueId: ?, status: {$in: [?]}}",
					"delete entries {issueId: ?}", "aggregate entries {status: ?}",
					"find entries {issueId: ?} sort {_id: 1} limit");
		assertThat(this.recorded.sightings()).allSatisfy(sighting -> {
			assertThat(sighting.namespace().database()).isEqualTo("recorded");
			assertThat(sighting.sender().isTest()).as("a test's own query").isTrue();
		});
		assertThat(this.recorded.takeUnjudged()).as("the application's queries only are judged").isEmpty();
		assertThat(this.recorded.takeUnreadable()).isEmpty();
	}

	@Test
	void theIndexesOfACollectionAreThoseDeclaredThereWithItsIdIndex() {
		this.mongo.indexOps("entries")
			.createIndex(new Index().on("issueId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC).named("issue_id"));
		this.mongo.indexOps("entries").createIndex(new Index().on("subscriberId", Sort.Direction.ASC).unique().named("subscriber"));
		this.mongo.indexOps("others").createIndex(new Index().on("name", Sort.Direction.ASC).named("name"));
		this.mongo.findAll(Document.class, "entries");

		Sighting sighting = this.recorded.sightings().iterator().next();
		assertThat(this.recorded.indexes(sighting.namespace())).extracting(DeclaredIndex::toString)
			.containsExactly("_id_ {_id: 1} unique", "issue_id {issueId: 1, _id: -1}", "subscriber {subscriberId: 1} unique");
		assertThat(List.of(sighting.shape().text())).containsExactly("find entries {}");
	}

}

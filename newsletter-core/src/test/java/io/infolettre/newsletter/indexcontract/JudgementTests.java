package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.infolettre.newsletter.indexcontract.RecordedCommands.Namespace;
import io.infolettre.newsletter.indexcontract.RecordedCommands.Sighting;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the contract tells a developer about a query: served, accepted with its reason, or what to do. */
class JudgementTests {

	private static final List<DeclaredIndex> LEDGER = indexes(
			"{key: {issueId: 1, subscriberId: 1}, name: 'issue_subscriber_unique', unique: true}");

	@Test
	void anUnservedQueryIsNamedWithItsSenderTheIndexesAndWhatToDo() {
		var judgement = Judgement.of(sighting("{find: 'deliveries', filter: {status: 'SENT', sentAt: {$gt: 1}}}",
				"DeliveryStore.sentSince(DeliveryStore.java:120)"), LEDGER, Set.of("DeliveryStore.createIndexes"));

		assertThat(judgement.isProblem()).isTrue();
		assertThat(judgement.summary()).startsWith("NOT SERVED");
		assertThat(judgement.problem()).isEqualTo("""
				find deliveries {status: ?, sentAt: {$gt: ?}}
				  sent by DeliveryStore.sentSince(DeliveryStore.java:120) on thread main, during SomeTests.aTest()
				  indexes of deliveries: _id_ {_id: 1} unique; issue_subscriber_unique {issueId: 1, subscriberId: 1} unique
				  an index that would serve it: {status: 1, sentAt: 1}
				  What to do: declare that index where the indexes of deliveries are created \
				(DeliveryStore.createIndexes), or, if reading without an index is right for this query, add it to \
				AcceptedScans with the reason.""");
	}

	@Test
	void theOrBranchNoIndexServesIsNamed() {
		var judgement = Judgement.of(sighting("{find: 'deliveries', filter: {$or: [{_id: 'a'}, {subscriberId: 's'}]}}",
				"DeliveryStore.either(DeliveryStore.java:130)"), LEDGER, Set.of());

		assertThat(judgement.problem()).contains("  the $or branch no index serves: {subscriberId equality}")
			.contains("an index that would serve it: {subscriberId: 1}")
			.contains("(none yet: in the store that owns deliveries, at its start, as DeliveryStore.createIndexes does)");
	}

	@Test
	void aServedQueryNamesItsIndexAndAnAcceptedScanItsReason() {
		var served = Judgement.of(sighting("{update: 'deliveries', updates: [{q: {issueId: 'i', subscriberId: 's'}}]}",
				"DeliveryStore.x(DeliveryStore.java:1)"), LEDGER, Set.of());
		assertThat(served.isProblem()).isFalse();
		assertThat(served.summary()).isEqualTo("served by issue_subscriber_unique  <- DeliveryStore.x(DeliveryStore.java:1)");

		var search = Judgement.of(sighting("{find: 'subscribers', filter: {$and: [{tags: 'vip'}]}, sort: {_id: 1}, limit: 51}",
				"SubscriberStore.search(SubscriberStore.java:79)"), List.of(DeclaredIndex.ID), Set.of());
		assertThat(search.isProblem()).isFalse();
		assertThat(search.summary()).startsWith("accepted scan: the admin's subscriber search");

		var sameShapeElsewhere = Judgement.of(sighting("{find: 'subscribers', filter: {$and: [{tags: 'vip'}]}, "
				+ "sort: {_id: 1}, limit: 51}", "SubscriberStore.other(SubscriberStore.java:90)"), List.of(DeclaredIndex.ID),
				Set.of());
		assertThat(sameShapeElsewhere.isProblem()).as("accepted for the search only, not for another sender").isTrue();
	}

	private static Sighting sighting(String command, String sender) {
		var body = BsonDocument.parse(command);
		var shape = CommandShape.of(body.getFirstKey(), body).iterator().next();
		return new Sighting(new Namespace("127.0.0.1:27017", "test", shape.collection()), shape, new Sender(sender, false),
				"main", "SomeTests.aTest()");
	}

	private static List<DeclaredIndex> indexes(String... specifications) {
		var indexes = new ArrayList<>(List.of(DeclaredIndex.ID));
		for (String specification : specifications) {
			indexes.add(DeclaredIndex.of(BsonDocument.parse(specification)));
		}
		return indexes;
	}

}

package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of the index contract, on commands as the driver sends them. */
class IndexRuleTests {

	private static final String LEDGER = "{createIndexes: 'deliveries', indexes: ["
			+ "{key: {issueId: 1, subscriberId: 1}, name: 'issue_subscriber_unique', unique: true},"
			+ "{key: {issueId: 1, status: 1, _id: 1}, name: 'issue_status'}]}";

	@Test
	void equalityFieldsFirstThenTheSortField() {
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: 'a', status: {$in: ['PENDING']}}, sort: {_id: 1}}"))
			.as("$in counts as equality").isTrue();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: 'a', status: 'SENT'}, sort: {_id: -1}}"))
			.as("an index read backwards").isTrue();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: 'a'}, sort: {_id: 1}}"))
			.as("the sort must follow the equality prefix: status sits between").isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: 'a'}, sort: {sentAt: 1}}")).isFalse();
	}

	@Test
	void aQueryWhoseFirstIndexKeyIsNotBoundIsNotServed() {
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {subscriberId: 's'}}")).isFalse();
		assertThat(served(LEDGER, "{count: 'deliveries', query: {status: 'SENT'}}")).isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: {$ne: 'a'}}}"))
			.as("$ne bounds nothing").isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: 'a', sentAt: {$gt: 1}}}"))
			.as("other conditions are checked on the documents the index returns").isTrue();
	}

	@Test
	void aRangeServesOnTheKeyAfterTheEqualityPrefix() {
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {_id: {$gt: 'k'}}, sort: {_id: 1}, limit: 100}"))
			.as("a keyset page on _id").isTrue();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: {$gte: 'a', $lt: 'b'}}}")).isTrue();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {sentAt: null, issueId: {$gte: 'a'}}}"))
			.as("an equality to null does not have to come first").isTrue();
		assertThat(served(LEDGER,
				"{find: 'deliveries', filter: {subscriberId: 's', _id: {$gt: 'k'}}, sort: {_id: 1}, limit: 100}"))
			.as("equality fields first: a keyset page of one subscriber's entries needs {subscriberId: 1, _id: 1}")
			.isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: {$regex: '^a'}}}")).isTrue();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: {$regex: 'a', $options: 'i'}}}")).isFalse();
	}

	@Test
	void theIdIndexAndUniqueIndexesServeLookupsWhateverTheOtherConditions() {
		assertThat(served(LEDGER, "{update: 'deliveries', updates: [{q: {_id: 'x', status: 'SENDING'}, u: {}}]}")).isTrue();
		assertThat(served(LEDGER,
				"{findAndModify: 'deliveries', query: {issueId: 'a', subscriberId: 's'}, sort: {sentAt: 1}}"))
			.as("at most one document: no sort to serve").isTrue();
		assertThat(served(LEDGER, "{delete: 'deliveries', deletes: [{q: {_id: {$in: ['x', 'y']}}, limit: 0}]}")).isTrue();
	}

	@Test
	void everyStatementOfABulkWriteIsJudged() {
		var shapes = CommandShape.of("update", BsonDocument.parse("{update: 'deliveries', updates: ["
				+ "{q: {_id: 'x'}, u: {}}, {q: {_id: 'y'}, u: {}}, {q: {subscriberId: 's'}, u: {}, multi: true}]}"));
		assertThat(shapes).extracting(CommandShape::text)
			.containsExactly("update deliveries {_id: ?}", "update deliveries {subscriberId: ?}");
		assertThat(served(LEDGER, "{update: 'deliveries', updates: [{q: {_id: 'x'}, u: {}}, {q: {subscriberId: 's'}, u: {}}]}"))
			.isFalse();
	}

	@Test
	void eachOrBranchMustBeServed() {
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {$or: [{_id: 'x'}, {issueId: 'a'}]}}")).isTrue();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {$or: [{_id: 'x'}, {subscriberId: 's'}]}}")).isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {issueId: 'a', $or: [{status: 'SENT'}, {x: 1}]}}"))
			.as("the conditions beside the $or go with each branch").isTrue();
	}

	@Test
	void aWholeCollectionReadIsNotServedUnlessItIsAWalkInIndexOrderWithALimitOrACount() {
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {}}")).isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {}, sort: {_id: -1}}")).isFalse();
		assertThat(served(LEDGER, "{find: 'deliveries', filter: {}, sort: {_id: -1}, limit: 20}")).isTrue();
		assertThat(served(LEDGER, "{count: 'deliveries'}")).isTrue();
		assertThat(served(LEDGER, "{aggregate: 'deliveries', pipeline: [{$match: {}}, {$group: {_id: 1}}]}")).isFalse();
	}

	@Test
	void anAggregationIsJudgedByItsLeadingMatchAndSort() {
		assertThat(served(LEDGER, "{aggregate: 'deliveries', pipeline: [{$match: {issueId: 'a', status: 'SENT'}},"
				+ " {$sort: {_id: 1}}, {$group: {_id: '$status'}}]}")).isTrue();
		assertThat(served(LEDGER, "{aggregate: 'deliveries', pipeline: [{$match: {issueId: 'a'}},"
				+ " {$sort: {openedAt: 1}}, {$limit: 5}]}")).isFalse();
		assertThat(served(LEDGER, "{aggregate: 'deliveries', pipeline: [{$group: {_id: '$issueId'}}]}")).isFalse();
	}

	@Test
	void aWildcardIndexServesOneFieldUnderItsPath() {
		String subscribers = "{createIndexes: 'subscribers', indexes: [{key: {'attributes.$**': 1}, name: 'attributes'},"
				+ " {key: {status: 1, lists: 1}, name: 'status_lists'}]}";
		assertThat(served(subscribers, "{find: 'subscribers', filter: {'attributes.secteur': {$in: ['x']}}}")).isTrue();
		assertThat(served(subscribers, "{find: 'subscribers', filter: {'attributes.secteur': null}}"))
			.as("a wildcard index does not serve null").isFalse();
		assertThat(served(subscribers, "{find: 'subscribers', filter: {'attributes.secteur': {$exists: true}}}")).isFalse();
		assertThat(served(subscribers, "{find: 'subscribers', filter: {language: 'fr'}}")).isFalse();
	}

	@Test
	void aDistinctIsServedByAnIndexThatContinuesWithItsKey() {
		String subscribers = "{createIndexes: 'subscribers', indexes: [{key: {status: 1, lists: 1}, name: 'status_lists'},"
				+ " {key: {company: 1}, name: 'company'}]}";
		assertThat(served(subscribers, "{distinct: 'subscribers', key: 'company', query: {}}")).isTrue();
		assertThat(served(subscribers, "{distinct: 'subscribers', key: 'lists', query: {status: 'ACTIVE'}}")).isTrue();
		assertThat(served(subscribers, "{distinct: 'subscribers', key: 'lists', query: {}}")).isFalse();
	}

	@Test
	void anElemMatchBindsTheFieldsInsideIt() {
		String issues = "{createIndexes: 'issues', indexes: [{key: {'history.kind': 1, 'history.at': 1}, name: 'history'}]}";
		assertThat(served(issues, "{find: 'issues', filter: {history: {$elemMatch: {kind: 'SENT', at: {$gt: 1}}}}}"))
			.isTrue();
		assertThat(served(issues, "{find: 'issues', filter: {history: {$elemMatch: {at: {$gt: 1}}}}}")).isFalse();
	}

	@Test
	void aMissingFieldIsFoundThroughARegularIndexAsNull() {
		String subscribers = "{createIndexes: 'subscribers', indexes: [{key: {searchNames: 1}, name: 'search_names'}]}";
		assertThat(served(subscribers, "{find: 'subscribers', filter: {searchNames: {$exists: false}}, limit: 500}"))
			.isTrue();
		assertThat(served(subscribers, "{find: 'subscribers', filter: {searchNames: {$exists: true}}}")).isFalse();
	}

	@Test
	void mapKeysInFieldNamesMakeOneShape() {
		var first = CommandShape.of("update", BsonDocument.parse(
				"{update: 'deliveries', updates: [{q: {_id: 'x', 'clickedLinks.159c664': {$exists: false}}, u: {}}]}"));
		var second = CommandShape.of("update", BsonDocument.parse(
				"{update: 'deliveries', updates: [{q: {_id: 'x', 'clickedLinks.27ece064': {$exists: false}}, u: {}}]}"));
		assertThat(first).isEqualTo(second)
			.extracting(CommandShape::text)
			.containsExactly("update deliveries {_id: ?, clickedLinks.<key>: {$exists: false}}");
	}

	@Test
	void theShapeKeepsFieldsAndOperatorsAndDropsValues() {
		var shape = CommandShape.of("find", BsonDocument.parse("{find: 'subscribers', filter: {status: 'ACTIVE',"
				+ " $or: [{lists: {$in: ['a', 'b']}}, {lists: {$in: ['c']}}], email: /^ab/,"
				+ " 'consent.expiresAt': null}, sort: {_id: 1}, limit: 5}"))
			.iterator()
			.next();
		assertThat(shape.text()).isEqualTo(
				"find subscribers {status: ?, $or: [{lists: {$in: [?]}}], email: /^?/, consent.expiresAt: null}"
						+ " sort {_id: 1} limit");
	}

	private static boolean served(String createIndexes, String command) {
		var indexes = new ArrayList<DeclaredIndex>(List.of(DeclaredIndex.ID));
		BsonDocument.parse(createIndexes)
			.getArray("indexes")
			.forEach(specification -> indexes.add(DeclaredIndex.of(specification.asDocument())));
		var body = BsonDocument.parse(command);
		return CommandShape.of(body.getFirstKey(), body)
			.stream()
			.allMatch(shape -> IndexRule.judge(shape, indexes).isServed());
	}

}

package io.infolettre.newsletter.indexcontract;

import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.indexcontract.RecordedCommands.Sighting;

/**
 * The queries that may read a collection without an index serving them, each with its reason. Keep
 * it short: a query that runs per recipient, per message or per request of the public pages belongs
 * behind an index. An entry names its collection and the exact query shape (as the failure message
 * prints it), or the method that sends it when that method builds shapes that vary (a coordinator's
 * segment, an admin's search), or nothing more for a collection small by nature.
 */
final class AcceptedScans {

	record AcceptedScan(String collection, String shape, String sentBy, String reason) {

		boolean accepts(Sighting sighting) {
			return this.collection.equals(sighting.shape().collection())
					&& (this.shape == null || this.shape.equals(sighting.shape().text()))
					&& (this.sentBy == null || sighting.sender().frame().startsWith(this.sentBy + "("));
		}

	}

	private static final List<AcceptedScan> SCANS = List.of(
			// collections small by nature: a scan reads a few documents
			collection("segments", "one document per saved segment (tens), listed whole by name"),
			collection("series", "one document per recurring series (a handful), read at each schedule sync"),
			collection("message_templates", "one document per template (tens), listed whole"),
			collection("attribute_definitions", "one document per attribute the coordinators define (tens)"),
			collection("users", "the administrators' accounts of before people (a handful), read once to adopt them"),
			collection("people", "one document per person of the team (tens), listed whole by the team page"),
			collection("settings", "one document per group of the installation's settings (a handful), read by id"),
			collection("saved_blocks", "one document per block a coordinator saved for reuse (tens), listed whole by name"),
			collection("subscriber_imports", "one document per import (tens a year); the admin lists the latest"),
			collection("delivery_heads", "one document per issue sent (hundreds over years); a data export walks "
					+ "them to read the ledger by its (issueId, subscriberId) index"),
			shape("issues", "find issues {} sort {createdAt: -1}", "the admin's list of every issue (hundreds)"),
			shape("issues", "aggregate issues {audience.segment: ?, status: {$ne: ?}} limit",
					"whether a segment is in use, asked when a coordinator deletes it; hundreds of issues"),
			// narrowed by an index to a few documents, sorted in memory
			shape("subscribers", "find subscribers {company: ?} sort {lastName: 1, firstName: 1} limit",
					"one company's members (tens), narrowed by the company index, sorted by name in memory"),
			shape("unsubscribes", "find unsubscribes {subscriberId: ?} sort {_id: 1}",
					"one subscriber's unsubscribe entries (a handful), narrowed by unsubscribe_subscriber"),
			shape("erasures", "find erasures {emailHash: ?} sort {_id: 1}",
					"the erasures of one address (one, rarely more), narrowed by erasure_hash"),
			shape("BATCH_JOB_EXECUTION", "find BATCH_JOB_EXECUTION {jobInstanceId: ?} sort {jobExecutionId: -1}",
					"Spring Batch's executions of one send (one per start or restart), narrowed by job_instance"),
			shape("BATCH_JOB_EXECUTION", "find BATCH_JOB_EXECUTION {jobInstanceId: ?} sort {jobExecutionId: -1} limit",
					"Spring Batch's last execution of one send, among its few, narrowed by job_instance"),
			shape("BATCH_STEP_EXECUTION",
					"find BATCH_STEP_EXECUTION {jobExecutionId: {$in: [?]}, name: ?} sort {createTime: -1, stepExecutionId: -1} limit",
					"Spring Batch's last execution of a step among a send's few, narrowed by job_execution"),
			shape("media.files", "find media.files {} limit", "the driver's GridFSBucket asks once, at its first "
					+ "upload, whether the bucket is empty (one document read) before it creates GridFS's indexes"),
			// once per start
			shape("subscribers", "aggregate subscribers {}",
					"the whole base counted: the demo loader asks once at start whether it is empty"),
			// queries a person composes: any field, any attribute, a page or a count at a time
			sentBy("subscribers", "SubscriberStore.search", "the admin's subscriber search: any mix of name, "
					+ "address, company, list, tag, status and attribute filters, a page at a time in _id order"),
			sentBy("companies", "MongoCompanies.page",
					"the admin's company search by name prefix, a page at a time in _id order (one company per member firm)"),
			sentBy("media", "MongoMediaLibrary.list", "the coordinator's search of the media library by words of a name "
					+ "(a pattern no index bounds), newest first, at most 500: one document per image an association "
					+ "uploads (hundreds over years); without words, the media_uploaded index walks them in order"),
			sentBy("subscribers", "MongoSegments.preview", "a coordinator's segment (rules over any field and the "
					+ "attributes they define), its first members in _id order"),
			sentBy("subscribers", "MongoSegments.members",
					"a coordinator's segment, its members a page at a time in _id order"),
			sentBy("subscribers", "SubscriberCounts.count", "a coordinator's segment counted; SegmentIndexes serves "
					+ "the usual rules (status, consent, lists, tags, language, company, the common attributes)"),
			sentBy("companies", "MongoSegments.companyNames",
					"a segment rule on company attributes: the companies, one per member firm (thousands at most)"),
			// reads that take every member of an audience anyway
			sentBy("subscribers", "MongoRecipientSource.forEachBatch", "an issue's audience, read once per send in "
					+ "_id order to freeze its recipients: the send reads every one of them"),
			sentBy("subscribers", "MongoAudienceMembers.forEach",
					"the export of a list or of the whole base, streamed in _id order"));

	private AcceptedScans() {
	}

	static Optional<AcceptedScan> accepting(Sighting sighting) {
		return SCANS.stream().filter(scan -> scan.accepts(sighting)).findFirst();
	}

	private static AcceptedScan collection(String collection, String reason) {
		return new AcceptedScan(collection, null, null, reason);
	}

	private static AcceptedScan shape(String collection, String shape, String reason) {
		return new AcceptedScan(collection, shape, null, reason);
	}

	private static AcceptedScan sentBy(String collection, String method, String reason) {
		return new AcceptedScan(collection, null, method, reason);
	}

}

package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.infolettre.newsletter.subscriber.ImportMode;
import io.infolettre.newsletter.subscriber.RefusalReason;
import io.infolettre.newsletter.subscriber.RejectedRow;
import io.infolettre.newsletter.subscriber.SubscriberImportJob;
import io.infolettre.newsletter.subscriber.WarnedRow;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * Import jobs in {@code subscriber_imports}, and the rows each kept in {@code subscriber_import_rows}
 * (its first refused rows, its first rows imported with a warning). A kept row's key is its job, its
 * kind and its rank ({@code <job>:r:<rank, 9 digits>}), given in line order as the rows are kept: a
 * page of rows is a list of keys, read through the primary key on any server — a range of keys
 * would make the embedded server read the whole collection for every page.
 */
@Repository
public class ImportJobStore {

	static final String JOBS = "subscriber_imports";

	static final String ROWS = "subscriber_import_rows";

	/** Every refused row of every import, one document each, read by key ranges: no longer read. */
	static final String LEGACY_REJECTIONS = "subscriber_import_rejections";

	private static final int PAGE = 500;

	private static final String REJECTED = "r";

	private static final String WARNED = "w";

	private static final Logger log = LoggerFactory.getLogger(ImportJobStore.class);

	private final MongoTemplate mongo;

	ImportJobStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The refused rows stored before they were capped: a junk file's million of them made every page of
	 * its import read them all at once, and the application ran out of memory at each start. Dropping
	 * the collection frees them at once whatever their number; their imports keep their counts.
	 */
	@PostConstruct
	void dropLegacyRejections() {
		if (this.mongo.collectionExists(LEGACY_REJECTIONS)) {
			this.mongo.dropCollection(LEGACY_REJECTIONS);
			log.info("The refused rows of the imports made before they were capped were deleted ({}); "
					+ "their imports keep their counts", LEGACY_REJECTIONS);
		}
	}

	void create(String id, String fileName, ImportMode mode, long bytesTotal, Instant at) {
		this.mongo.insert(new Document("_id", id).append("fileName", fileName)
			.append("mode", mode.name())
			.append("status", SubscriberImportJob.Status.QUEUED.name())
			.append("bytesTotal", bytesTotal)
			.append("bytesRead", 0L)
			.append("createdAt", Date.from(at)), JOBS);
	}

	void progress(String id, SubscriberImportJob.Status status, long bytesRead, Counts counts) {
		this.mongo.updateFirst(byId(id), counts.into(new Update().set("status", status.name()).set("bytesRead", bytesRead)),
				JOBS);
	}

	void finish(String id, SubscriberImportJob.Status status, Counts counts, String error, Instant at) {
		this.mongo.updateFirst(byId(id),
				counts.into(new Update().set("status", status.name()).set("error", error).set("finishedAt", Date.from(at))),
				JOBS);
	}

	public Optional<SubscriberImportJob> find(String id) {
		Document job = this.mongo.findById(id, Document.class, JOBS);
		if (job == null) {
			return Optional.empty();
		}
		return Optional.of(new SubscriberImportJob(job.getString("_id"), job.getString("fileName"),
				ImportMode.valueOf(job.getString("mode")), SubscriberImportJob.Status.valueOf(job.getString("status")),
				number(job, "bytesTotal"), number(job, "bytesRead"), number(job, "rows"), number(job, "added"),
				number(job, "updated"), number(job, "unchanged"), number(job, "unsubscribed"), number(job, "rejected"),
				number(job, "rejectedKept"), refusals(job.get("refusals", Document.class)), number(job, "warned"),
				number(job, "warnedKept"), job.getDate("createdAt").toInstant(),
				job.getDate("finishedAt") == null ? null : job.getDate("finishedAt").toInstant(),
				job.getString("error")));
	}

	/** The most recent imports first. */
	public List<SubscriberImportJob> recent(int limit) {
		var query = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
		query.fields().include("_id");
		List<SubscriberImportJob> jobs = new ArrayList<>();
		for (Document id : this.mongo.find(query, Document.class, JOBS)) {
			find(id.getString("_id")).ifPresent(jobs::add);
		}
		return jobs;
	}

	/** Keeps refused rows ranked from {@code firstRank} (0 for the job's first), in the order given. */
	void keepRejected(String jobId, long firstRank, List<RejectedRow> rows) {
		keep(jobId, REJECTED, firstRank, rows,
				row -> new Document("line", row.line()).append("reasons", row.reasons()).append("original", row.original()));
	}

	void keepWarned(String jobId, long firstRank, List<WarnedRow> rows) {
		keep(jobId, WARNED, firstRank, rows,
				row -> new Document("line", row.line()).append("warnings", row.warnings()));
	}

	private <T> void keep(String jobId, String kind, long firstRank, List<T> rows, Function<T, Document> document) {
		if (rows.isEmpty()) {
			return;
		}
		List<Document> documents = new ArrayList<>(rows.size());
		long rank = firstRank;
		for (T row : rows) {
			documents.add(document.apply(row).append("_id", key(jobId, kind, rank++)));
		}
		this.mongo.insert(documents, ROWS);
	}

	/** The kept refused rows ranked {@code from} (0 for the first) to {@code from + count} (excluded). */
	public List<RejectedRow> rejected(String jobId, long from, int count) {
		return page(jobId, REJECTED, from, count, row -> new RejectedRow(number(row, "line"),
				row.getList("reasons", String.class, List.of()), row.getString("original")));
	}

	public List<WarnedRow> warned(String jobId, long from, int count) {
		return page(jobId, WARNED, from, count,
				row -> new WarnedRow(number(row, "line"), row.getList("warnings", String.class, List.of())));
	}

	/** The job's kept refused rows in line order, a page at a time. */
	public void forEachRejected(String jobId, Consumer<RejectedRow> action) {
		for (long from = 0;; from += PAGE) {
			List<RejectedRow> page = rejected(jobId, from, PAGE);
			page.forEach(action);
			if (page.size() < PAGE) {
				return;
			}
		}
	}

	private <T> List<T> page(String jobId, String kind, long from, int count, Function<Document, T> row) {
		if (count <= 0 || from < 0) {
			return List.of();
		}
		List<String> keys = new ArrayList<>(count);
		for (long rank = from; rank < from + count; rank++) {
			keys.add(key(jobId, kind, rank));
		}
		List<Document> found = new ArrayList<>(
				this.mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, ROWS));
		found.sort(Comparator.comparing(document -> document.getString("_id")));
		return found.stream().map(row).toList();
	}

	private static String key(String jobId, String kind, long rank) {
		return jobId + ":" + kind + ":" + String.format("%09d", rank);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return value instanceof Number number ? number.longValue() : 0;
	}

	private static Map<RefusalReason, Long> refusals(Document stored) {
		Map<RefusalReason, Long> refusals = new EnumMap<>(RefusalReason.class);
		if (stored != null) {
			for (RefusalReason reason : RefusalReason.values()) {
				long count = number(stored, reason.name());
				if (count > 0) {
					refusals.put(reason, count);
				}
			}
		}
		return refusals;
	}

	/** What became of the rows so far. */
	static final class Counts {

		long rows;

		long added;

		long updated;

		long unchanged;

		long unsubscribed;

		long rejected;

		long warned;

		long rejectedKept;

		long warnedKept;

		final Map<RefusalReason, Long> refusals = new EnumMap<>(RefusalReason.class);

		/** A row refused, counted under each of its reasons. */
		void refuse(List<RowVerdict.RowProblem> problems) {
			this.rejected++;
			problems.stream()
				.map(RowVerdict.RowProblem::reason)
				.distinct()
				.forEach(reason -> this.refusals.merge(reason, 1L, Long::sum));
		}

		void add(Counts other) {
			this.rows += other.rows;
			this.added += other.added;
			this.updated += other.updated;
			this.unchanged += other.unchanged;
			this.unsubscribed += other.unsubscribed;
			this.rejected += other.rejected;
			this.warned += other.warned;
			other.refusals.forEach((reason, count) -> this.refusals.merge(reason, count, Long::sum));
		}

		Update into(Update update) {
			var refusals = new Document();
			this.refusals.forEach((reason, count) -> refusals.append(reason.name(), count));
			return update.set("rows", this.rows)
				.set("added", this.added)
				.set("updated", this.updated)
				.set("unchanged", this.unchanged)
				.set("unsubscribed", this.unsubscribed)
				.set("rejected", this.rejected)
				.set("rejectedKept", this.rejectedKept)
				.set("refusals", refusals)
				.set("warned", this.warned)
				.set("warnedKept", this.warnedKept);
		}

	}

}

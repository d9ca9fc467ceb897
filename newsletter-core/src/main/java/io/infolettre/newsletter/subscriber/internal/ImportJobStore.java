package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.infolettre.newsletter.subscriber.ImportMode;
import io.infolettre.newsletter.subscriber.RejectedRow;
import io.infolettre.newsletter.subscriber.SubscriberImportJob;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Import jobs in {@code subscriber_imports} and their refused rows in
 * {@code subscriber_import_rejections}, keyed {@code <job>:<line, 12 digits>} so that a job's rows
 * are one range of the primary key, read in line order by keyset pages.
 */
@Repository
public class ImportJobStore {

	static final String JOBS = "subscriber_imports";

	static final String REJECTIONS = "subscriber_import_rejections";

	private static final int PAGE = 1000;

	private final MongoTemplate mongo;

	ImportJobStore(MongoTemplate mongo) {
		this.mongo = mongo;
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
				job.getDate("createdAt").toInstant(),
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

	void reject(String jobId, List<RejectedRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Document> documents = new ArrayList<>(rows.size());
		for (RejectedRow row : rows) {
			documents.add(new Document("_id", key(jobId, row.line())).append("line", row.line())
				.append("reason", row.reason())
				.append("original", row.original()));
		}
		this.mongo.insert(documents, REJECTIONS);
	}

	/** The job's refused rows in line order, a page at a time. */
	public void forEachRejected(String jobId, Consumer<RejectedRow> action) {
		String after = jobId + ":";
		String end = jobId + ";";
		while (true) {
			var query = Query.query(Criteria.where("_id").gt(after).lt(end)).with(Sort.by("_id")).limit(PAGE);
			List<Document> page = this.mongo.find(query, Document.class, REJECTIONS);
			for (Document row : page) {
				action.accept(new RejectedRow(number(row, "line"), row.getString("reason"), row.getString("original")));
			}
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).getString("_id");
		}
	}

	private static String key(String jobId, long line) {
		return jobId + ":" + String.format("%012d", line);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return value instanceof Number number ? number.longValue() : 0;
	}

	/** What became of the rows so far. */
	static final class Counts {

		long rows;

		long added;

		long updated;

		long unchanged;

		long unsubscribed;

		long rejected;

		void add(Counts other) {
			this.rows += other.rows;
			this.added += other.added;
			this.updated += other.updated;
			this.unchanged += other.unchanged;
			this.unsubscribed += other.unsubscribed;
			this.rejected += other.rejected;
		}

		Update into(Update update) {
			return update.set("rows", this.rows)
				.set("added", this.added)
				.set("updated", this.updated)
				.set("unchanged", this.unchanged)
				.set("unsubscribed", this.unsubscribed)
				.set("rejected", this.rejected);
		}

	}

}

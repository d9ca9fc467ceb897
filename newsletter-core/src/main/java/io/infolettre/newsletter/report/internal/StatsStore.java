package io.infolettre.newsletter.report.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.engagement.TrackingBatch;
import io.infolettre.newsletter.report.IssueStatistics;
import io.infolettre.newsletter.tracking.OpenClass;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The report counters of each issue, one document in {@code issue_stats} (the report reads that one
 * document, however many events the issue had): the counts by class, the unique counts, the clicks
 * per link ({@code links.<key>}) and the first reads per hour ({@code hours.<hours since the epoch>}).
 * A batch of the open writer moves them with one {@code $inc} upsert per issue.
 */
@Repository
public class StatsStore {

	static final String COLLECTION = "issue_stats";

	private final MongoTemplate mongo;

	StatsStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The increments a batch brings; the same the rebuild adds up. */
	static Counters count(TrackingBatch batch) {
		var counters = new Counters();
		for (TrackingBatch.Event event : batch.events()) {
			if (event.link() == null) {
				counters.add("openEvents", 1);
				counters.add("opens." + event.type(), 1);
			}
			else {
				counters.add("clickEvents", 1);
				counters.add("clicks." + event.type(), 1);
				counters.add(link(event.link()) + ".total", 1);
				if (event.type().isRead()) {
					counters.add(link(event.link()) + ".human", 1);
				}
			}
		}
		for (FirstResponse first : batch.firsts()) {
			switch (first.kind()) {
				case SEEN -> {
					counters.add("seen", 1);
					counters.add("seenAs." + first.type(), 1);
				}
				case READ -> {
					counters.add("read", 1);
					counters.add(hour(first.at()), 1);
					if (first.link() != null) {
						counters.add("readByClick", 1);
					}
				}
				case CLICK -> counters.add("clicked", 1);
				case LINK -> counters.add(link(first.link()) + ".unique", 1);
			}
		}
		return counters;
	}

	static String link(int key) {
		return "links." + Integer.toHexString(key);
	}

	static String hour(Instant at) {
		return "hours." + Math.floorDiv(at.getEpochSecond(), 3600);
	}

	static String bounce(BounceReport.Type type) {
		return "bounces." + type.name();
	}

	void add(String issueId, Counters counters) {
		if (counters.isEmpty()) {
			return;
		}
		var update = new Update().setOnInsert("issueId", issueId);
		counters.values.forEach(update::inc);
		this.mongo.upsert(byIssue(issueId), update, COLLECTION);
	}

	/** Puts rebuilt counters in place of the live ones (the live path adds to them from then on). */
	void replace(String issueId, Counters counters, Instant at) {
		var document = new Document("_id", key(issueId)).append("issueId", issueId).append("rebuiltAt", Date.from(at));
		counters.values.forEach((path, value) -> put(document, path, value));
		this.mongo.save(document, COLLECTION);
	}

	private static void put(Document document, String path, long value) {
		String[] parts = path.split("\\.");
		Document at = document;
		for (int i = 0; i < parts.length - 1; i++) {
			if (!(at.get(parts[i]) instanceof Document)) {
				at.put(parts[i], new Document());
			}
			at = (Document) at.get(parts[i]);
		}
		at.put(parts[parts.length - 1], value);
	}

	public Document raw(String issueId) {
		return this.mongo.findById(key(issueId), Document.class, COLLECTION);
	}

	List<Document> raw(Collection<String> issueIds) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(issueIds.stream().map(StatsStore::key).toList())),
				Document.class, COLLECTION);
	}

	public IssueStatistics read(String issueId) {
		return statistics(issueId, raw(issueId));
	}

	static IssueStatistics statistics(String issueId, Document stats) {
		if (stats == null) {
			return IssueStatistics.none(issueId);
		}
		Document bounces = sub(stats, "bounces");
		Date rebuiltAt = stats.getDate("rebuiltAt");
		return new IssueStatistics(issueId, count(stats, "seen"), classes(sub(stats, "seenAs")), count(stats, "read"),
				count(stats, "readByClick"), count(stats, "clicked"), count(stats, "openEvents"),
				classes(sub(stats, "opens")), count(stats, "clickEvents"), classes(sub(stats, "clicks")),
				count(bounces, BounceReport.Type.HARD.name()), count(bounces, BounceReport.Type.SOFT.name()),
				count(bounces, BounceReport.Type.COMPLAINT.name()), rebuiltAt == null ? null : rebuiltAt.toInstant());
	}

	/** The clicks per link key: total, human, unique. */
	static Map<Integer, long[]> links(Document stats) {
		Map<Integer, long[]> links = new HashMap<>();
		sub(stats, "links").forEach((key, value) -> {
			Document link = (Document) value;
			links.put(Integer.parseUnsignedInt(key, 16),
					new long[] { count(link, "total"), count(link, "human"), count(link, "unique") });
		});
		return links;
	}

	/** First reads by hour (hours since the epoch). */
	static Map<Long, Long> hours(Document stats) {
		Map<Long, Long> hours = new TreeMap<>();
		sub(stats, "hours").forEach((hour, count) -> hours.put(Long.parseLong(hour), ((Number) count).longValue()));
		return hours;
	}

	private static Map<OpenClass, Long> classes(Document counts) {
		Map<OpenClass, Long> byClass = new EnumMap<>(OpenClass.class);
		counts.forEach((type, count) -> byClass.put(OpenClass.valueOf(type), ((Number) count).longValue()));
		return byClass;
	}

	static Document sub(Document document, String field) {
		return document != null && document.get(field) instanceof Document sub ? sub : new Document();
	}

	static long count(Document document, String field) {
		return document != null && document.get(field) instanceof Number n ? n.longValue() : 0;
	}

	// never a bare ObjectId-looking string: Spring Data would query it as an ObjectId
	static String key(String issueId) {
		return "i:" + issueId;
	}

	private static Query byIssue(String issueId) {
		return Query.query(Criteria.where("_id").is(key(issueId)));
	}

	/** Counters to add, by field path. */
	static final class Counters {

		final Map<String, Long> values = new TreeMap<>();

		void add(String path, long n) {
			this.values.merge(path, n, Long::sum);
		}

		void addAll(Counters other) {
			other.values.forEach(this::add);
		}

		boolean isEmpty() {
			return this.values.isEmpty();
		}

	}

}

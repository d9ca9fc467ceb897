import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * bench/report.sh's data, run from source (java ReportBenchData.java) with the application jar's
 * libraries on the class path, into the MongoDB-wire server bench/MongoWireServer.java runs:
 *
 *   generate PORT ISSUE_ID N OPENS writes an issue's ledger of N entries as a send leaves it, with their
 *                                  firsts (seen, read, clicked, per link), and OPENS raw open and click
 *                                  events in buckets of 5,000, as the open writer stores them; bulk
 *                                  inserts, straight into the database
 *
 * The figures are drawn from a fixed seed: 98 % sent, 1 % temporary and 1 % permanent failures;
 * of those sent, 45 % read by a person (5 % of them through a click first), 15 % seen by machines
 * only; 8 % click. The events add up to OPENS: first the ones the firsts imply, then repeats.
 */
public class ReportBenchData {

	static final String[] CLASSES = { "HUMAN", "IMAGE_PROXY", "APPLE_PRIVACY", "SCANNER" };

	static final int[] LINKS = { 0x1a2b3c4d, 0x2b3c4d5e, 0x3c4d5e6f, 0x4d5e6f70, 0x5e6f7081 };

	public static void main(String[] args) throws Exception {
		if (!args[0].equals("generate")) {
			throw new IllegalArgumentException("usage: generate PORT ISSUE_ID N OPENS");
		}
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + args[1])) {
			generate(client.getDatabase("newsletter"), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
		}
	}

	static void generate(MongoDatabase db, String issueId, int n, int opens) {
		var random = new Random(20261126L);
		long start = System.currentTimeMillis() - 3 * 24 * 3600_000L; // sent three days ago
		var deliveries = db.getCollection("deliveries");
		var buckets = db.getCollection("open_events");
		List<Document> batch = new ArrayList<>(10_000);
		List<Document> events = new ArrayList<>(5_000);
		long sent = 0, failedTemporary = 0, failedPermanent = 0, read = 0, clicked = 0, openEvents = 0, clickEvents = 0;
		long[] openClasses = new long[4];
		long[] clickClasses = new long[4];
		List<long[]> repeatable = new ArrayList<>(); // [entry, time] of the read ones, for repeated opens
		int written = 0;
		for (int i = 0; i < n; i++) {
			String id = issueId + HexFormat.of().toHexDigits(i);
			var entry = new Document("_id", id).append("issueId", issueId)
				.append("subscriberId", "s" + i)
				.append("email", "membre" + i + "@bench.exemple.ca")
				.append("attempts", 1);
			double roll = random.nextDouble();
			if (roll < 0.01) {
				entry.append("status", "FAILED_TEMPORARY").append("error", "451 4.7.1 Try again later");
				failedTemporary++;
			}
			else if (roll < 0.02) {
				entry.append("status", "FAILED_PERMANENT").append("error", "550 5.1.1 User unknown");
				failedPermanent++;
			}
			else {
				long sentAt = start + (long) i * 7; // about 140 messages a second
				entry.append("status", "SENT").append("sentAt", new Date(sentAt)).append("messageId", "<" + id + "@bench>");
				sent++;
				double who = random.nextDouble();
				if (who < 0.45) {
					// a reader: first open some time in the first week, mostly the first hours
					long at = sentAt + 60_000 + (long) (Math.pow(random.nextDouble(), 3) * 7 * 24 * 3600_000L);
					boolean byClick = random.nextDouble() < 0.05;
					int type = random.nextDouble() < 0.3 ? 1 : 0; // 30 % through Gmail's image proxy
					entry.append("seenAt", new Date(at)).append("seenAs", CLASSES[byClick ? 0 : type]).append("openedAt", new Date(at));
					read++;
					if (byClick) {
						entry.append("readByClick", true);
					}
					else {
						events.add(event(id, at, "OPEN", CLASSES[type], null));
						openEvents++;
						openClasses[type]++;
					}
					if (byClick || random.nextDouble() < 0.13) {
						int link = LINKS[random.nextInt(LINKS.length)];
						long clickAt = at + (byClick ? 0 : 30_000);
						entry.append("clickedAt", new Date(clickAt))
							.append("clickedLinks", new Document(Integer.toHexString(link), new Date(clickAt)));
						events.add(event(id, clickAt, "CLICK", "HUMAN", link));
						clickEvents++;
						clickClasses[0]++;
						clicked++;
					}
					repeatable.add(new long[] { i, at, type });
				}
				else if (who < 0.60) {
					// machines only: Apple's prefetch or a scanner
					int type = random.nextDouble() < 0.7 ? 2 : 3;
					long at = sentAt + (type == 3 ? 1_000 : 600_000);
					entry.append("seenAt", new Date(at)).append("seenAs", CLASSES[type]);
					events.add(event(id, at, "OPEN", CLASSES[type], null));
					openEvents++;
					openClasses[type]++;
				}
			}
			batch.add(entry);
			if (batch.size() == 10_000) {
				deliveries.insertMany(batch, new InsertManyOptions().ordered(false));
				batch.clear();
			}
			if (events.size() >= 5_000) {
				written += bucket(buckets, issueId, events);
			}
		}
		if (!batch.isEmpty()) {
			deliveries.insertMany(batch);
		}
		// repeated opens by the readers until the events reach OPENS
		while (openEvents + clickEvents < opens && !repeatable.isEmpty()) {
			long[] reader = repeatable.get(random.nextInt(repeatable.size()));
			String id = issueId + HexFormat.of().toHexDigits((int) reader[0]);
			events.add(event(id, reader[1] + 3600_000L + random.nextInt(48 * 3600_000), "OPEN", CLASSES[(int) reader[2]], null));
			openEvents++;
			openClasses[(int) reader[2]]++;
			if (events.size() >= 5_000) {
				written += bucket(buckets, issueId, events);
			}
		}
		if (!events.isEmpty()) {
			written += bucket(buckets, issueId, events);
		}
		// the ledger head, as the send and the open writer leave it
		var classes = new Document();
		var clickClassesDocument = new Document();
		for (int c = 0; c < 4; c++) {
			if (openClasses[c] > 0) {
				classes.append(CLASSES[c], openClasses[c]);
			}
			if (clickClasses[c] > 0) {
				clickClassesDocument.append(CLASSES[c], clickClasses[c]);
			}
		}
		db.getCollection("delivery_heads").updateOne(Filters.eq("_id", new ObjectId(issueId)),
				Updates.combine(Updates.set("next", (long) n), Updates.set("total", (long) n), Updates.set("sent", sent),
						Updates.set("failedTemporary", failedTemporary), Updates.set("failedPermanent", failedPermanent),
						Updates.set("opened", read), Updates.set("clicked", clicked), Updates.set("openEvents", openEvents),
						Updates.set("clickEvents", clickEvents), Updates.set("openClasses", classes),
						Updates.set("clickClasses", clickClassesDocument)),
				new UpdateOptions().upsert(true));
		// the issue's links, as the send registers them
		for (int l = 0; l < LINKS.length; l++) {
			db.getCollection("tracked_links").insertOne(new Document("_id", issueId + ":" + Integer.toHexString(LINKS[l]))
				.append("issueId", issueId)
				.append("url", "https://exemple.ca/nouvelles/" + (l + 1) + "?édition=décembre"));
		}
		db.getCollection("issues").updateOne(Filters.eq("_id", new ObjectId(issueId)),
				Updates.combine(Updates.set("status", "SENT"), Updates.set("sendingStartedAt", new Date(start)),
						Updates.set("sentAt", new Date(start + (long) n * 7))));
		System.out.printf("generated entries=%d sent=%d read=%d clicked=%d open_events=%d click_events=%d buckets=%d%n", n,
				sent, read, clicked, openEvents, clickEvents, written);
	}

	static Document event(String deliveryId, long at, String kind, String type, Integer link) {
		var event = new Document("d", deliveryId).append("t", new Date(at)).append("k", kind).append("c", type).append("a", "Thunderbird");
		if (link != null) {
			event.append("l", link);
		}
		return event;
	}

	static int bucket(com.mongodb.client.MongoCollection<Document> buckets, String issueId, List<Document> events) {
		buckets.insertOne(new Document("issueId", issueId).append("from", events.get(0).get("t"))
			.append("to", events.get(events.size() - 1).get("t"))
			.append("count", events.size())
			.append("events", new ArrayList<>(events)));
		events.clear();
		return 1;
	}

}

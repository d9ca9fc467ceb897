package io.infolettre.newsletter.engagement.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.FirstResponse.Kind;
import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.engagement.TrackingBatch;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.LedgerFixtures;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.tracking.OpenClass;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Opens written behind the requests, into a real MongoDB-wire server: nothing lost, each counted once. */
class OpenRecorderIntegrationTests {

	private static final String READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0";

	private final String issueId = new ObjectId().toHexString();

	private final Instant sent = Instant.parse("2026-12-01T14:00:00Z");

	private final MutableClock clock = new MutableClock(this.sent.plusSeconds(3600), ZoneOffset.UTC);

	private EmbeddedMongo mongo;

	private Deliveries ledger;

	private ResponseLedger responses;

	private OpenRecorder recorder;

	private List<String> ids;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.ledger = LedgerFixtures.deliveries(this.mongo.template());
		this.responses = LedgerFixtures.responses(this.mongo.template());
		this.ids = LedgerFixtures.sent(this.mongo.template(), this.issueId, subscribers(200), this.sent);
		this.recorder = new OpenRecorder(this.responses, this.mongo.template(),
				new TrackingSettings(null, null, null, null, null, Duration.ofSeconds(2), Duration.ofMillis(50), null), this.clock);
		this.recorder.start();
	}

	@AfterEach
	void stop() {
		if (this.recorder.isRunning()) {
			this.recorder.stop();
		}
		this.mongo.close();
	}

	@Test
	void aBurstFromManyThreadsIsWrittenWhole() {
		int perThread = 2_500;
		var threads = IntStream.range(0, 8)
			.mapToObj(t -> CompletableFuture.runAsync(() -> {
				for (int i = 0; i < perThread; i++) {
					this.recorder.record(this.ids.get((t * 31 + i) % this.ids.size()), READER, "24.48.1.2");
				}
			}))
			.toList();
		threads.forEach(CompletableFuture::join);
		this.recorder.stop();

		var opens = this.ledger.opens(this.issueId);
		assertThat(opens.events()).as("every open of the burst").isEqualTo(8 * perThread);
		assertThat(opens.of(OpenClass.HUMAN)).isEqualTo(8 * perThread);
		assertThat(this.recorder.dropped()).isZero();
		assertThat(storedEvents()).isEqualTo(8 * perThread);
		assertThat(this.ledger.progress(this.issueId).opened()).as("each reader once").isEqualTo(200);
		assertThat(LedgerFixtures.recount(this.mongo.template(), this.issueId).opened()).isEqualTo(200);
	}

	@Test
	void aStopWritesWhatIsStillQueued() {
		this.recorder.stop();
		this.recorder = new OpenRecorder(this.responses, this.mongo.template(),
				new TrackingSettings(null, null, null, null, null, Duration.ofSeconds(2), Duration.ofHours(1), null), this.clock);
		// not started: nothing is written until the stop
		for (String id : this.ids) {
			this.recorder.record(id, READER, null);
		}
		assertThat(storedEvents()).isZero();

		this.recorder.stop();

		assertThat(storedEvents()).isEqualTo(200);
		assertThat(this.ledger.progress(this.issueId).opened()).isEqualTo(200);
	}

	@Test
	void onlyOpensThatSayAPersonReadItCountAsReadersAndTheFirstOneIsKept() {
		String early = this.ids.get(0);
		String apple = this.ids.get(1);
		String gmail = this.ids.get(2);
		this.clock.set(this.sent.plusMillis(800));
		this.recorder.record(early, READER, null); // within seconds of the delivery: a scanner
		this.clock.set(this.sent.plusSeconds(600));
		this.recorder.record(apple, "Mozilla/5.0", "17.58.101.7");
		this.recorder.record(gmail, "Mozilla/5.0 (via ggpht.com GoogleImageProxy)", "66.249.84.1");
		this.recorder.record(early, READER, null);
		this.clock.set(this.sent.plusSeconds(900));
		this.recorder.record(early, READER, null);
		this.recorder.flush();

		var opens = this.ledger.opens(this.issueId);
		assertThat(opens.events()).isEqualTo(5);
		assertThat(opens.of(OpenClass.SCANNER)).isEqualTo(1);
		assertThat(opens.of(OpenClass.APPLE_PRIVACY)).isEqualTo(1);
		assertThat(opens.of(OpenClass.IMAGE_PROXY)).isEqualTo(1);
		assertThat(opens.of(OpenClass.HUMAN)).isEqualTo(2);
		assertThat(this.ledger.progress(this.issueId).opened()).as("the reader and Gmail's").isEqualTo(2);
		assertThat(this.ledger.findById(early).orElseThrow().getOpenedAt()).isEqualTo(this.sent.plusSeconds(600));
		assertThat(this.ledger.findById(apple).orElseThrow().getOpenedAt()).isNull();
		String stored = this.mongo.template()
			.findAll(Document.class, OpenBatchWriter.EVENTS)
			.stream()
			.map(Document::toJson)
			.reduce("", String::concat);
		assertThat(stored).as("the agent's family, never the address").doesNotContain("17.58")
			.doesNotContain("66.249")
			.contains("Gmail");
	}

	@Test
	void aFirstReadAnotherInstanceRecordedMeanwhileIsNeitherOverwrittenNorToldAgain() {
		List<TrackingBatch> told = new CopyOnWriteArrayList<>();
		this.recorder.stop();
		this.recorder = new OpenRecorder(this.responses, this.mongo.template(),
				new TrackingSettings(null, null, null, null, null, Duration.ofSeconds(2), Duration.ofHours(1), null),
				this.clock, List.of(told::add));
		String raced = this.ids.get(0);
		String fresh = this.ids.get(1);
		this.clock.set(this.sent.plusMillis(800));
		this.recorder.record(raced, READER, null); // a scanner: seen, not read; the writer remembers so
		this.recorder.flush();
		// another instance records a person reading it
		Instant elsewhere = this.sent.plusSeconds(500);
		this.mongo.template().updateFirst(Query.query(Criteria.where("_id").is(raced)),
				new Update().set("openedAt", elsewhere), Delivery.COLLECTION);

		this.clock.set(this.sent.plusSeconds(600));
		this.recorder.record(raced, READER, null);
		this.recorder.record(fresh, READER, null);
		this.recorder.flush();

		assertThat(this.ledger.findById(raced).orElseThrow().getOpenedAt()).isEqualTo(elsewhere);
		assertThat(this.ledger.findById(fresh).orElseThrow().getOpenedAt()).isEqualTo(this.sent.plusSeconds(600));
		assertThat(told).hasSize(2);
		assertThat(told.get(1).firsts()).extracting(FirstResponse::deliveryId, FirstResponse::kind)
			.containsExactlyInAnyOrder(tuple(fresh, Kind.SEEN), tuple(fresh, Kind.READ));
		assertThat(this.ledger.progress(this.issueId).opened()).as("this instance's reader only").isEqualTo(1);
	}

	@Test
	void anOpenOfNoDeliveryIsDropped() {
		this.recorder.record(this.issueId + "0000ffff", READER, null);
		this.recorder.record("not-a-delivery", READER, null);
		this.recorder.flush();

		assertThat(this.ledger.opens(this.issueId).events()).isZero();
	}

	private long storedEvents() {
		long total = 0;
		for (Document bucket : this.mongo.template().findAll(Document.class, OpenBatchWriter.EVENTS)) {
			total += ((List<?>) bucket.get("events")).size();
		}
		return total;
	}

	private static List<String> subscribers(int count) {
		return IntStream.range(0, count).mapToObj(i -> "%024x".formatted(i)).toList();
	}

}

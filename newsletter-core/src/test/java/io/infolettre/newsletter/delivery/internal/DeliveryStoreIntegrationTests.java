package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.tracking.TrackingSettings;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger against a real MongoDB-wire server. */
class DeliveryStoreIntegrationTests {

	private final String issueId = new ObjectId().toHexString();

	private static final String READER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)";

	private final Instant now = Instant.parse("2026-12-01T14:00:00Z");

	private EmbeddedMongo mongo;

	private DeliveryStore ledger;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.ledger = new DeliveryStore(this.mongo.template());
		this.ledger.createIndexes();
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void freezingAgainAddsNobodyTwiceAndLeavesOnlyGaps() {
		this.ledger.freeze(this.issueId, subscribers(0, 150), this.now);
		this.ledger.freeze(this.issueId, subscribers(100, 200), this.now); // a restarted freeze overlaps

		assertThat(this.ledger.progress(this.issueId).total()).isEqualTo(200);
		assertThat(this.ledger.sequenceEnd(this.issueId)).isEqualTo(250);
		List<Document> all = this.ledger.page(this.issueId, 0, 250);
		assertThat(all).hasSize(200);
		assertThat(all.stream().map(d -> d.getString(DeliveryStore.SUBSCRIBER_ID)).distinct()).hasSize(200);
		assertThat(all.stream().map(d -> d.getString("_id"))).isSorted();
	}

	@Test
	void countersFollowOutcomesOpensAndUnsubscribesAndRecountAgrees() {
		this.ledger.freeze(this.issueId, subscribers(0, 4), this.now);
		var ids = this.ledger.page(this.issueId, 0, 4).stream().map(d -> d.getString("_id")).toList();
		this.ledger.recordOutcomes(this.issueId, List.of(outcome(ids.get(0), DeliveryStatus.SENT),
				outcome(ids.get(1), DeliveryStatus.SENT), outcome(ids.get(2), DeliveryStatus.FAILED_PERMANENT),
				outcome(ids.get(3), DeliveryStatus.SKIPPED)));
		var opens = new OpenRecorder(this.mongo.template(),
				new TrackingSettings(null, null, null, null, null, Duration.ZERO, null, null),
				Clock.fixed(this.now, ZoneOffset.UTC));
		opens.record(ids.get(0), READER, null);
		opens.record(ids.get(0), READER, null);
		opens.record(ids.get(1), READER, null);
		opens.record(this.issueId + "0000ffff", READER, null); // no such delivery
		opens.flush();
		this.ledger.recordUnsubscribe(ids.get(1), this.now);
		this.ledger.recordUnsubscribe(ids.get(1), this.now);

		var live = this.ledger.progress(this.issueId);
		assertThat(live.sent()).isEqualTo(2);
		assertThat(live.failedPermanent()).isEqualTo(1);
		assertThat(live.skipped()).isEqualTo(1);
		assertThat(live.pending()).isZero();
		assertThat(live.opened()).isEqualTo(2);
		assertThat(live.unsubscribed()).isEqualTo(1);
		assertThat(this.ledger.recount(this.issueId)).isEqualTo(live);
	}

	@Test
	void aCancelSkipsOnlyTheEntriesStillWaiting() {
		this.ledger.freeze(this.issueId, subscribers(0, 3), this.now);
		var ids = this.ledger.page(this.issueId, 0, 3).stream().map(d -> d.getString("_id")).toList();
		this.ledger.recordOutcomes(this.issueId, List.of(outcome(ids.get(0), DeliveryStatus.SENT)));

		assertThat(this.ledger.cancelPending(this.issueId, this.now)).isEqualTo(2);

		assertThat(this.ledger.page(this.issueId, 0, 3)).extracting(entry -> entry.getString(DeliveryStore.STATUS))
			.containsExactly("SENT", "SKIPPED", "SKIPPED");
		assertThat(this.ledger.findById(ids.get(2)).orElseThrow().getError()).isEqualTo("Envoi annulé");
		assertThat(this.ledger.progress(this.issueId)).as("the live counters follow without a recount")
			.isEqualTo(this.ledger.recount(this.issueId));
		assertThat(this.ledger.progress(this.issueId).skipped()).isEqualTo(2);
	}

	@Test
	void aResendPutsTheUndeliveredBackToPendingAndTheCountersFollow() {
		this.ledger.freeze(this.issueId, subscribers(0, 4), this.now);
		var ids = this.ledger.page(this.issueId, 0, 4).stream().map(d -> d.getString("_id")).toList();
		this.ledger.recordOutcomes(this.issueId,
				List.of(outcome(ids.get(0), DeliveryStatus.SENT), outcome(ids.get(1), DeliveryStatus.FAILED_TEMPORARY),
						outcome(ids.get(2), DeliveryStatus.FAILED_PERMANENT), outcome(ids.get(3), DeliveryStatus.UNCERTAIN)));

		assertThat(this.ledger.resetUndelivered(this.issueId, this.now)).isEqualTo(3);

		var live = this.ledger.progress(this.issueId);
		assertThat(live.sent()).isEqualTo(1);
		assertThat(live.failed() + live.uncertain()).isZero();
		assertThat(live.pending()).isEqualTo(3);
		assertThat(live).as("the live counters follow without a recount").isEqualTo(this.ledger.recount(this.issueId));
	}

	@Test
	void whatWasOnTheWireAtACrashIsResentAsAPossibleDuplicateOrHeldBack() {
		this.ledger.freeze(this.issueId, subscribers(0, 4), this.now);
		var ids = this.ledger.page(this.issueId, 0, 4).stream().map(d -> d.getString("_id")).toList();
		this.ledger.markInFlight(this.issueId, Map.of(0, ids.get(0), 1, ids.get(1), 2, ids.get(2)));
		// the confirmation of the first one landed before the crash, its claim was not cleared yet
		this.ledger.recordOutcomes(this.issueId, List.of(outcome(ids.get(0), DeliveryStatus.SENT)));
		assertThat(this.ledger.progress(this.issueId).sending()).isEqualTo(3);

		assertThat(this.ledger.settleInFlight(this.issueId, false, this.now)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));

		assertThat(this.ledger.inFlight(this.issueId)).isEmpty();
		assertThat(this.ledger.findById(ids.get(1)).orElseThrow()).satisfies(d -> {
			assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(d.isPossibleDuplicate()).isTrue();
		});
		assertThat(this.ledger.findById(ids.get(0)).orElseThrow().isPossibleDuplicate()).isFalse();
		assertThat(this.ledger.findById(ids.get(3)).orElseThrow().isPossibleDuplicate()).isFalse();

		this.ledger.markInFlight(this.issueId, Map.of(3, ids.get(3)));
		assertThat(this.ledger.settleInFlight(this.issueId, true, this.now)).containsExactly(ids.get(3));
		assertThat(this.ledger.findById(ids.get(3)).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.UNCERTAIN);
		assertThat(this.ledger.progress(this.issueId).uncertain()).isEqualTo(1);
	}

	private DeliveryStore.Outcome outcome(String id, DeliveryStatus status) {
		return new DeliveryStore.Outcome(id, status, "membre@exemple.ca", "<" + id + "@exemple.ca>", null, this.now, 1,
				null, false);
	}

	private static List<String> subscribers(int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> "%024x".formatted(i)).toList();
	}

}

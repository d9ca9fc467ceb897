package io.infolettre.newsletter.delivery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.FirstResponse;
import io.infolettre.newsletter.delivery.ResponseCounts;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.tracking.OpenClass;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger against a real MongoDB-wire server. */
class DeliveryStoreIntegrationTests {

	private final String issueId = new ObjectId().toHexString();

	private final Instant now = Instant.parse("2026-12-01T14:00:00Z");

	private EmbeddedMongo mongo;

	private DeliveryStore deliveries;

	private SendLedger ledger;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.deliveries = new DeliveryStore(this.mongo.template());
		this.deliveries.createIndexes();
		this.ledger = new SendLedger(this.mongo.template());
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void freezingAgainAddsNobodyTwiceAndLeavesOnlyGaps() {
		this.ledger.freeze(this.issueId, subscribers(0, 150), this.now);
		this.ledger.freeze(this.issueId, subscribers(100, 200), this.now); // a restarted freeze overlaps

		assertThat(this.deliveries.progress(this.issueId).total()).isEqualTo(200);
		assertThat(this.ledger.sequenceEnd(this.issueId)).isEqualTo(250);
		List<Document> all = this.ledger.page(this.issueId, 0, 250);
		assertThat(all).hasSize(200);
		assertThat(all.stream().map(d -> d.getString(LedgerDocuments.SUBSCRIBER_ID)).distinct()).hasSize(200);
		assertThat(all.stream().map(d -> d.getString("_id"))).isSorted();
	}

	@Test
	void countersFollowOutcomesOpensAndUnsubscribesAndRecountAgrees() {
		this.ledger.freeze(this.issueId, subscribers(0, 4), this.now);
		var ids = this.ledger.page(this.issueId, 0, 4).stream().map(d -> d.getString("_id")).toList();
		this.ledger.recordOutcomes(this.issueId, List.of(outcome(ids.get(0), DeliveryStatus.SENT),
				outcome(ids.get(1), DeliveryStatus.SENT), outcome(ids.get(2), DeliveryStatus.FAILED_PERMANENT),
				outcome(ids.get(3), DeliveryStatus.SKIPPED)));
		// three opens by two readers, as the open writer records them
		var responses = new MongoResponseLedger(this.mongo.template());
		var reads = responses.markFirsts(List.of(read(ids.get(0)), read(ids.get(1))));
		responses.count(this.issueId, new ResponseCounts(Map.of(OpenClass.HUMAN, 3L), Map.of(), reads.size(), 0));
		responses.recordUnsubscribe(ids.get(1), this.now);
		responses.recordUnsubscribe(ids.get(1), this.now);

		var live = this.deliveries.progress(this.issueId);
		assertThat(live.sent()).isEqualTo(2);
		assertThat(live.failedPermanent()).isEqualTo(1);
		assertThat(live.skipped()).isEqualTo(1);
		assertThat(live.pending()).isZero();
		assertThat(live.opened()).isEqualTo(2);
		assertThat(live.unsubscribed()).isEqualTo(1);
		assertThat(this.deliveries.recount(this.issueId)).isEqualTo(live);
	}

	@Test
	void aCancelSkipsOnlyTheEntriesStillWaiting() {
		this.ledger.freeze(this.issueId, subscribers(0, 3), this.now);
		var ids = this.ledger.page(this.issueId, 0, 3).stream().map(d -> d.getString("_id")).toList();
		this.ledger.recordOutcomes(this.issueId, List.of(outcome(ids.get(0), DeliveryStatus.SENT)));

		assertThat(this.deliveries.cancelPending(this.issueId, this.now)).isEqualTo(2);

		assertThat(this.ledger.page(this.issueId, 0, 3)).extracting(entry -> entry.getString(LedgerDocuments.STATUS))
			.containsExactly("SENT", "SKIPPED", "SKIPPED");
		assertThat(this.deliveries.findById(ids.get(2)).orElseThrow().getError()).isEqualTo("Envoi annulé");
		assertThat(this.deliveries.progress(this.issueId)).as("the live counters follow without a recount")
			.isEqualTo(this.deliveries.recount(this.issueId));
		assertThat(this.deliveries.progress(this.issueId).skipped()).isEqualTo(2);
	}

	@Test
	void aResendPutsTheUndeliveredBackToPendingAndTheCountersFollow() {
		this.ledger.freeze(this.issueId, subscribers(0, 4), this.now);
		var ids = this.ledger.page(this.issueId, 0, 4).stream().map(d -> d.getString("_id")).toList();
		this.ledger.recordOutcomes(this.issueId,
				List.of(outcome(ids.get(0), DeliveryStatus.SENT), outcome(ids.get(1), DeliveryStatus.FAILED_TEMPORARY),
						outcome(ids.get(2), DeliveryStatus.FAILED_PERMANENT), outcome(ids.get(3), DeliveryStatus.UNCERTAIN)));

		assertThat(this.deliveries.resetUndelivered(this.issueId, this.now)).isEqualTo(3);

		var live = this.deliveries.progress(this.issueId);
		assertThat(live.sent()).isEqualTo(1);
		assertThat(live.failed() + live.uncertain()).isZero();
		assertThat(live.pending()).isEqualTo(3);
		assertThat(live).as("the live counters follow without a recount").isEqualTo(this.deliveries.recount(this.issueId));
	}

	@Test
	void whatWasOnTheWireAtACrashIsResentAsAPossibleDuplicateOrHeldBack() {
		this.ledger.freeze(this.issueId, subscribers(0, 4), this.now);
		var ids = this.ledger.page(this.issueId, 0, 4).stream().map(d -> d.getString("_id")).toList();
		this.ledger.markInFlight(this.issueId, Map.of(0, ids.get(0), 1, ids.get(1), 2, ids.get(2)));
		// the confirmation of the first one landed before the crash, its claim was not cleared yet
		this.ledger.recordOutcomes(this.issueId, List.of(outcome(ids.get(0), DeliveryStatus.SENT)));
		assertThat(this.deliveries.progress(this.issueId).sending()).isEqualTo(3);

		assertThat(this.ledger.settleInFlight(this.issueId, false, this.now)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));

		assertThat(this.ledger.inFlight(this.issueId)).isEmpty();
		assertThat(this.deliveries.findById(ids.get(1)).orElseThrow()).satisfies(d -> {
			assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(d.isPossibleDuplicate()).isTrue();
		});
		assertThat(this.deliveries.findById(ids.get(0)).orElseThrow().isPossibleDuplicate()).isFalse();
		assertThat(this.deliveries.findById(ids.get(3)).orElseThrow().isPossibleDuplicate()).isFalse();

		this.ledger.markInFlight(this.issueId, Map.of(3, ids.get(3)));
		assertThat(this.ledger.settleInFlight(this.issueId, true, this.now)).containsExactly(ids.get(3));
		assertThat(this.deliveries.findById(ids.get(3)).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.UNCERTAIN);
		assertThat(this.deliveries.progress(this.issueId).uncertain()).isEqualTo(1);
	}

	private LedgerOutcome outcome(String id, DeliveryStatus status) {
		return new LedgerOutcome(id, status, "membre@exemple.ca", "<" + id + "@exemple.ca>", null, this.now, 1,
				null, false);
	}

	private FirstResponse read(String deliveryId) {
		return new FirstResponse(deliveryId, null, FirstResponse.Kind.READ, this.now, OpenClass.HUMAN, null);
	}

	private static List<String> subscribers(int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> "%024x".formatted(i)).toList();
	}

}

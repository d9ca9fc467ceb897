package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.DeliveryIds;
import io.infolettre.newsletter.delivery.DeliverySettings.InFlightAfterCrash;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk over a real ledger across a restart: it resumes from the checkpoint of the last written
 * chunk and still hands out every entry not settled, the retries below the checkpoint and the
 * messages that were on the wire included, and never one already sent.
 */
class PendingDeliveryReaderIntegrationTests {

	private static final int PAGE = 100;

	private final String issueId = new ObjectId().toHexString();

	private final Instant now = Instant.now();

	private EmbeddedMongo mongo;

	private DeliveryStore deliveries;

	private SendLedger ledger;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.deliveries = new DeliveryStore(this.mongo.template());
		this.deliveries.createIndexes();
		this.ledger = new SendLedger(this.mongo.template());
		this.ledger.freeze(this.issueId, IntStream.range(0, 250).mapToObj(i -> "%024x".formatted(i)).toList(),
				this.now);
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void aRestartedWalkResumesAtTheCheckpointAndMissesNobody() throws Exception {
		var retries = new RetryQueue();
		var first = reader(retries);
		var context = new ExecutionContext();
		first.open(context);
		List<String> chunk = readChunk(first);
		assertThat(chunk).hasSize(PAGE);

		// the writer: most are sent, two wait for a retry, one was on the wire when the application died
		List<LedgerOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			String id = chunk.get(i);
			if (i == 7 || i == 42) {
				outcomes.add(new LedgerOutcome(id, DeliveryStatus.PENDING, "m@exemple.ca", null, "451", this.now, 1,
						this.now, false));
				retries.add(id, this.now);
			}
			else if (i != 99) {
				outcomes.add(new LedgerOutcome(id, DeliveryStatus.SENT, "m@exemple.ca", "<" + id + ">", null, this.now, 1, null,
						false));
			}
		}
		this.ledger.recordOutcomes(this.issueId, outcomes);
		this.ledger.markInFlight(this.issueId, java.util.Map.of(0, chunk.get(99)));
		first.update(context);
		assertThat(context.getLong(PendingDeliveryReader.WALKED_TO)).as("kept below the retries").isEqualTo(7);

		// the application dies here; a new step execution gets the saved context
		var second = reader(new RetryQueue());
		second.open(context);
		List<String> handedOut = new ArrayList<>();
		RecipientItem item;
		while ((item = second.read()) != null) {
			if (item != RecipientItem.FLUSH) {
				handedOut.add(item.deliveryId());
			}
		}

		List<String> expected = new ArrayList<>(List.of(chunk.get(7), chunk.get(42), chunk.get(99)));
		IntStream.range(PAGE, 250).forEach(seq -> expected.add(DeliveryIds.id(this.issueId, seq)));
		assertThat(handedOut).as("each once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.deliveries.findById(chunk.get(99)).orElseThrow().isPossibleDuplicate()).isTrue();
	}

	@Test
	void aPauseEndsTheWalkAfterTheChunkInHandAndTheResumedWalkHandsOutWhatWasHandedBack() throws Exception {
		var retries = new RetryQueue();
		var sendable = new AtomicBoolean(true);
		var stopped = new AtomicBoolean();
		var first = new PendingDeliveryReader(this.ledger, new NoSubscribers(), sendableWhile(sendable), retries,
				Clock.systemUTC(), this.issueId, PAGE, InFlightAfterCrash.RESEND, new StepStop(() -> stopped.set(true)));
		var context = new ExecutionContext();
		first.open(context);
		List<String> chunk = readChunk(first);

		// paused mid-chunk: the writer sent 60 and handed the other 40 back, untried, as due now
		sendable.set(false);
		List<LedgerOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			if (i < 60) {
				outcomes.add(new LedgerOutcome(chunk.get(i), DeliveryStatus.SENT, "m@exemple.ca", "<" + i + ">", null, this.now,
						1, null, false));
			}
			else {
				outcomes.add(new LedgerOutcome(chunk.get(i), DeliveryStatus.PENDING, "m@exemple.ca", null, "Envoi interrompu",
						this.now, 0, null, false));
				retries.add(chunk.get(i), this.now);
			}
		}
		this.ledger.recordOutcomes(this.issueId, outcomes);
		first.update(context);

		assertThat(first.read()).as("nothing more once paused").isNull();
		assertThat(stopped).as("the step stops, it does not fail").isTrue();
		assertThat(retries.size()).as("the handed back entries stay below the checkpoint").isEqualTo(40);
		first.update(context);
		assertThat(context.getLong(PendingDeliveryReader.WALKED_TO)).isEqualTo(60);

		// resumed: a new step execution gets the saved context
		var second = reader(new RetryQueue());
		second.open(context);
		List<String> handedOut = new ArrayList<>();
		RecipientItem item;
		while ((item = second.read()) != null) {
			if (item != RecipientItem.FLUSH) {
				handedOut.add(item.deliveryId());
			}
		}
		List<String> expected = new ArrayList<>(chunk.subList(60, PAGE));
		IntStream.range(PAGE, 250).forEach(seq -> expected.add(DeliveryIds.id(this.issueId, seq)));
		assertThat(handedOut).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
	}

	private List<String> readChunk(PendingDeliveryReader reader) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < PAGE; i++) {
			RecipientItem item = reader.read();
			if (item != null && item != RecipientItem.FLUSH) {
				ids.add(item.deliveryId());
			}
		}
		return ids;
	}

	private PendingDeliveryReader reader(RetryQueue retries) {
		return new PendingDeliveryReader(this.ledger, new NoSubscribers(), sendableWhile(new AtomicBoolean(true)),
				retries, Clock.systemUTC(), this.issueId, PAGE, InFlightAfterCrash.RESEND, new StepStop(() -> {
				}));
	}

	private static SendControl sendableWhile(AtomicBoolean sendable) {
		return new SendControl() {
			@Override
			public boolean maySend() {
				return sendable.get();
			}

			@Override
			public void pause(String reason) {
			}

			@Override
			public void relayUnavailable(String reason, boolean deliveredSinceStart) {
			}

			@Override
			public void hardBounce(String subscriberId) {
			}
		};
	}

	/** The walk is under test, not the subscribers: every one of them has been deleted meanwhile. */
	private static final class NoSubscribers implements Subscribers {

		@Override
		public Optional<Subscriber> findById(String id) {
			return Optional.empty();
		}

		@Override
		public Optional<Subscriber> findByEmail(EmailAddress email) {
			return Optional.empty();
		}

		@Override
		public List<Subscriber> findAllById(Collection<String> ids) {
			return List.of();
		}

		@Override
		public long count() {
			return 0;
		}

		@Override
		public List<String> listNames() {
			return List.of();
		}

		@Override
		public List<Subscriber> firstPage(int size) {
			return List.of();
		}

	}

}

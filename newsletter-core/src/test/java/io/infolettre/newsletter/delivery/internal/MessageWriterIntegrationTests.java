package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.DeliverySettings.Retry;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer against a real ledger, with a relay that accepts, refuses or goes away on cue: an entry
 * is SENT only if the relay accepted it, at most one entry per connection is ever SENDING, temporary
 * failures wait for another attempt, and a relay in trouble pauses the send.
 */
class MessageWriterIntegrationTests {

	private static final int CONNECTIONS = 3;

	private final String issueId = new ObjectId().toHexString();

	private final Set<String> accepted = ConcurrentHashMap.newKeySet();

	private final List<String> hardBounces = new CopyOnWriteArrayList<>();

	private final List<String> pauses = new CopyOnWriteArrayList<>();

	private final List<String> relayPauses = new CopyOnWriteArrayList<>();

	private final AtomicBoolean stepStopped = new AtomicBoolean();

	private final RetryQueue retries = new RetryQueue();

	private final AtomicInteger mostClaimed = new AtomicInteger();

	private EmbeddedMongo mongo;

	private DeliveryStore deliveries;

	private SendLedger ledger;

	private volatile boolean relayDown;

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
	void recordsEveryOutcomeOfAChunkSentOverSeveralConnections() throws Exception {
		var tasks = freeze(30);
		var invalid = tasks.get(7).deliveryId();
		var refused = tasks.get(11).deliveryId();
		var writer = writer(id -> id.equals(invalid) ? invalidMessage()
				: id.equals(refused) ? new SendResult.Rejected(550, "550 5.1.1 inconnu", true) : null);

		writer.write(new Chunk<>(tasks));
		writer.close();

		var progress = this.deliveries.recount(this.issueId);
		assertThat(progress.sent()).isEqualTo(28);
		assertThat(progress.failedPermanent()).isEqualTo(2);
		assertThat(progress.pending() + progress.sending()).isZero();
		assertThat(this.accepted).hasSize(28);
		assertThat(this.deliveries.findById(refused).orElseThrow().getError()).contains("550");
		assertThat(this.hardBounces).as("only the refused address is a hard bounce")
			.containsExactly(subscriberOf(tasks.get(11)));
	}

	@Test
	void atMostOneEntryPerConnectionIsEverClaimedAndTheOneOnTheWireIsClaimed() throws Exception {
		var tasks = freeze(60);
		var writer = writer(id -> {
			var inFlight = this.ledger.inFlight(this.issueId);
			this.mostClaimed.accumulateAndGet(inFlight.size(), Math::max);
			assertThat(inFlight).as("on the wire means claimed").contains(id);
			return null;
		});

		writer.write(new Chunk<>(tasks));
		writer.close();

		assertThat(this.mostClaimed.get()).isBetween(1, CONNECTIONS);
		assertThat(this.deliveries.recount(this.issueId).sent()).isEqualTo(60);
		assertThat(this.ledger.inFlight(this.issueId)).as("nothing left in flight").isEmpty();
	}

	@Test
	void aTemporaryRefusalWaitsForItsNextAttemptThenFailsWhenAttemptsRunOut() throws Exception {
		var tasks = freeze(10);
		var deferred = tasks.get(4).deliveryId();
		var writer = writer(id -> id.equals(deferred) ? new SendResult.Rejected(451, "451 4.3.0 réessayez", false) : null);

		writer.write(new Chunk<>(tasks));

		var entry = this.deliveries.findById(deferred).orElseThrow();
		assertThat(entry.getStatus()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.retries.size()).isEqualTo(1);
		assertThat(this.retries.takeDue(Instant.now().plusSeconds(60), 10)).containsExactly(deferred);

		// the reader hands it back with its attempts; the last attempt allowed fails it for good
		var again = resend(tasks.get(4), 2);
		writer.write(new Chunk<>(List.of(again)));
		writer.close();

		assertThat(this.deliveries.findById(deferred).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.FAILED_TEMPORARY);
		assertThat(this.deliveries.findById(deferred).orElseThrow().getError()).contains("451").contains("3 tentatives");
		assertThat(this.hardBounces).isEmpty();
	}

	@Test
	void aRefusalAfterALostReplyKeepsThePossibleDuplicateMarkThroughTheLaterAcceptance() throws Exception {
		var tasks = freeze(10);
		var uncertain = tasks.get(3).deliveryId();
		var writer = writer(id -> id.equals(uncertain)
				? new SendResult.Rejected(451, "451 4.3.0 réessayez", false).afterLostReply() : null);

		writer.write(new Chunk<>(tasks));
		var deferred = this.deliveries.findById(uncertain).orElseThrow();
		assertThat(deferred.getStatus()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(deferred.isPossibleDuplicate()).as("the first try may have arrived").isTrue();

		var accepting = writer(id -> null);
		accepting.write(new Chunk<>(List.of(resend(tasks.get(3), 1))));
		writer.close();
		accepting.close();

		var sent = this.deliveries.findById(uncertain).orElseThrow();
		assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
		assertThat(sent.isPossibleDuplicate()).isTrue();
		assertThat(this.deliveries.findById(tasks.get(4).deliveryId()).orElseThrow().isPossibleDuplicate()).isFalse();
	}

	@Test
	void aRelayThatCannotBeReachedAgainPausesTheSendAndOnlyWhatItAcceptedIsSent() throws Exception {
		var tasks = freeze(30);
		var writer = writer(id -> {
			if (this.accepted.size() >= 13) {
				this.relayDown = true;
				throw new RelayUnavailableException("421 service not available", null);
			}
			return null;
		});

		writer.write(new Chunk<>(tasks));
		writer.close();

		var progress = this.deliveries.recount(this.issueId);
		assertThat(progress.sent()).isEqualTo(this.accepted.size()).isGreaterThan(0).isLessThan(30);
		assertThat(progress.pending()).isEqualTo(30 - this.accepted.size());
		assertThat(progress.sending()).as("nothing left claimed").isZero();
		assertThat(this.relayPauses).as("until the relay answers again").singleElement().asString()
			.contains("injoignable").endsWith(", delivered");
		assertThat(this.pauses).isEmpty();
		assertThat(this.stepStopped).as("a stop, not a failure").isTrue();
		assertThat(this.retries.size()).as("what was not sent waits below the checkpoint")
			.isEqualTo(30 - this.accepted.size());
		this.accepted.forEach(id -> assertThat(this.deliveries.findById(id).orElseThrow().getStatus())
			.isEqualTo(DeliveryStatus.SENT));
	}

	@Test
	void aRunOfFailuresPausesTheSendInsteadOfBurningThroughTheList() throws Exception {
		var tasks = freeze(100);
		var writer = writer(id -> new SendResult.Rejected(554, "554 5.7.1 relais refusé", false));

		writer.write(new Chunk<>(tasks));
		writer.close();

		var progress = this.deliveries.recount(this.issueId);
		assertThat(progress.failedPermanent()).as("stops soon after the threshold, one message per connection at most")
			.isBetween(10L, 10L + CONNECTIONS);
		assertThat(progress.pending()).isEqualTo(100 - progress.failedPermanent());
		assertThat(this.pauses).as("refusals wait for a person").singleElement().asString()
			.contains("10 échecs consécutifs").contains("554");
		assertThat(this.relayPauses).isEmpty();
		assertThat(this.stepStopped).isTrue();
	}

	@Test
	void aRunOfLostConnectionsIsTheRelayGoingAwayAndPausesUntilItAnswersAgain() throws Exception {
		var tasks = freeze(100);
		var writer = writer(id -> {
			throw new RelayUnavailableException("connexion fermée par le relais", null);
		});

		writer.write(new Chunk<>(tasks));
		writer.close();

		var progress = this.deliveries.recount(this.issueId);
		assertThat(progress.sent()).isZero();
		assertThat(progress.pending()).as("nobody lost").isEqualTo(100);
		assertThat(this.relayPauses).singleElement().asString().contains("10 échecs consécutifs")
			.endsWith("nothing delivered");
		assertThat(this.pauses).isEmpty();
		assertThat(this.stepStopped).isTrue();
	}

	private static SendResult invalidMessage() {
		throw new IllegalArgumentException("adresse illisible");
	}

	private MessageWriter writer(Function<String, SendResult> verdict) {
		MailGateway gateway = () -> {
			if (this.relayDown) {
				throw new RelayUnavailableException("connexion refusée", null);
			}
			return new MailConnection() {
				@Override
				public SendResult send(OutgoingMessage message) {
					String id = message.messageId();
					SendResult result = verdict.apply(id);
					if (result == null) {
						MessageWriterIntegrationTests.this.accepted.add(id);
						return new SendResult.Accepted(id);
					}
					return result;
				}

				@Override
				public void close() {
				}
			};
		};
		var settings = new DeliverySettings(100, CONNECTIONS, null, null, null,
				new Retry(3, Duration.ofSeconds(30), 2.0), new Retry(2, Duration.ofMillis(10), 1.0), 10, null, null,
				null, null, null, null, null);
		var control = new SendControl() {
			@Override
			public boolean maySend() {
				return true;
			}

			@Override
			public void pause(String reason) {
				MessageWriterIntegrationTests.this.pauses.add(reason);
			}

			@Override
			public void relayUnavailable(String reason, boolean deliveredSinceStart) {
				MessageWriterIntegrationTests.this.relayPauses
					.add(reason + (deliveredSinceStart ? ", delivered" : ", nothing delivered"));
			}

			@Override
			public void hardBounce(String subscriberId) {
				MessageWriterIntegrationTests.this.hardBounces.add(subscriberId);
			}
		};
		var writer = new MessageWriter(this.issueId, gateway, this.ledger, control, this.retries,
				new SendThrottle(settings.rateLimit()), settings, Clock.systemUTC(),
				new StepStop(() -> this.stepStopped.set(true)));
		writer.open(new ExecutionContext());
		return writer;
	}

	// The message id carries the delivery id, so the fake relay knows whom it is refusing.
	private List<DeliveryTask> freeze(int n) {
		this.ledger.freeze(this.issueId, IntStream.range(0, n).mapToObj(i -> "%024x".formatted(i)).toList(),
				Instant.now());
		return this.ledger.page(this.issueId, 0, n).stream().map(entry -> send(entry, 0)).toList();
	}

	private DeliveryTask resend(DeliveryTask task, int attempts) {
		return send(this.ledger.entries(List.of(task.deliveryId())).get(0), attempts);
	}

	private static DeliveryTask send(Document entry, int attempts) {
		String id = entry.getString("_id");
		return new DeliveryTask.Send(id, entry.getString("subscriberId"), "m@exemple.ca",
				new OutgoingMessage(id, "Infolettre", "infolettre@exemple.ca", "Membre", "m@exemple.ca", "Objet",
						"<p>HTML</p>", "Texte", "https://exemple.ca/u/t"),
				attempts);
	}

	private static String subscriberOf(DeliveryTask task) {
		return ((DeliveryTask.Send) task).subscriberId();
	}

}

package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writer against a real ledger, with a relay that accepts, refuses or goes away on cue:
 * whatever happens, an entry is SENT only if the relay accepted it, and nothing is left SENDING.
 */
class MessageWriterIntegrationTests {

	private final String issueId = new ObjectId().toHexString();

	private final Set<String> accepted = ConcurrentHashMap.newKeySet();

	private EmbeddedMongo mongo;

	private DeliveryStore ledger;

	private volatile String relayDiesAt;

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
	void recordsEveryOutcomeOfAChunkSentOverSeveralConnections() throws Exception {
		var tasks = freeze(30);
		var invalid = tasks.get(7).deliveryId();
		var rejected = tasks.get(11).deliveryId();
		var writer = writer(3, id -> id.equals(rejected) ? new SendResult.Rejected(true, 550, "550 5.1.1 inconnu") : null,
				invalid);

		writer.write(new Chunk<>(tasks));
		writer.close();

		var progress = this.ledger.recount(this.issueId);
		assertThat(progress.sent()).isEqualTo(28);
		assertThat(progress.failedPermanent()).isEqualTo(2);
		assertThat(progress.pending() + progress.sending()).isZero();
		assertThat(this.accepted).hasSize(28);
		assertThat(this.ledger.findById(rejected).orElseThrow().getError()).contains("550");
	}

	@Test
	void whenTheRelayGoesAwayOnlyWhatItAcceptedIsSentAndTheRestIsPendingAgain() throws Exception {
		var tasks = freeze(30);
		this.relayDiesAt = tasks.get(13).deliveryId();
		var writer = writer(3, id -> null, null);

		assertThatThrownBy(() -> writer.write(new Chunk<>(tasks))).isInstanceOf(RelayUnavailableException.class);
		writer.close();

		var progress = this.ledger.recount(this.issueId);
		assertThat(progress.sent()).isEqualTo(this.accepted.size()).isGreaterThan(0).isLessThan(30);
		assertThat(progress.pending()).isEqualTo(30 - this.accepted.size());
		assertThat(progress.sending()).as("nothing left claimed").isZero();
		this.accepted.forEach(id -> assertThat(this.ledger.findById(id).orElseThrow().getStatus())
			.isEqualTo(DeliveryStatus.SENT));
	}

	private MessageWriter writer(int connections, java.util.function.Function<String, SendResult> verdict,
			String invalid) {
		MailGateway gateway = () -> new MailConnection() {
			@Override
			public SendResult send(OutgoingMessage message) {
				String id = message.messageId();
				if (id.equals(invalid)) {
					throw new IllegalArgumentException("adresse illisible");
				}
				if (id.equals(MessageWriterIntegrationTests.this.relayDiesAt)) {
					throw new RelayUnavailableException("421 service not available", null);
				}
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
		var writer = new MessageWriter(gateway, this.ledger, Clock.systemUTC(), connections);
		writer.open(new ExecutionContext());
		return writer;
	}

	// The message id carries the delivery id, so the fake relay knows whom it is refusing.
	private List<DeliveryTask> freeze(int n) {
		this.ledger.freeze(this.issueId, IntStream.range(0, n).mapToObj(i -> "%024x".formatted(i)).toList(),
				java.time.Instant.now());
		return this.ledger.page(this.issueId, 0, n)
			.stream()
			.map(entry -> (DeliveryTask) new DeliveryTask.Send(entry.getString("_id"), "m@exemple.ca",
					new OutgoingMessage(entry.getString("_id"), "Infolettre", "infolettre@exemple.ca", "Membre",
							"m@exemple.ca", "Objet", "<p>HTML</p>", "Texte", "https://exemple.ca/u/t")))
			.toList();
	}

}

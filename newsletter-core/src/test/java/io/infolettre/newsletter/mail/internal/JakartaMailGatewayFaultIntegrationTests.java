package io.infolettre.newsletter.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SmtpRelay;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;
import io.infolettre.newsletter.fixtures.FaultySmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A relay that loses the connection at the worst moments: the gateway tries once on a new
 * connection, and whenever the relay may already have taken the message it says so.
 */
class JakartaMailGatewayFaultIntegrationTests {

	private final FaultySmtpServer server = server();

	private final JakartaMailGateway gateway = new JakartaMailGateway(
			new SmtpRelay("127.0.0.1", this.server.port(), null, null, false, Map.of()), DeliverySettings.defaults());

	@AfterEach
	void stop() throws InterruptedException {
		this.server.close();
	}

	@Test
	void aConnectionCutBeforeTheReplyIsTriedAgainAndMarkedAsAPossibleDuplicate() {
		this.server.faults().hold();
		try (MailConnection connection = this.gateway.connect()) {
			var cut = cutOnceTheMessageIsReceived(false);

			assertThat(connection.send(message("un@exemple.ca"))).isEqualTo(new SendResult.Accepted("<un@exemple.ca>", true));
			cut.join();
		}
		// the held copy is accepted on the relay's own thread once released: it may come after the retry
		acceptedEventually("un@exemple.ca", 2);
	}

	@Test
	void whenTheRelayCannotBeReachedAgainAfterACutBeforeTheReplyTheMessageMayHaveArrived() {
		this.server.faults().hold();
		try (MailConnection connection = this.gateway.connect()) {
			var cut = cutOnceTheMessageIsReceived(true);

			var failure = catchThrowableOfType(RelayUnavailableException.class,
					() -> connection.send(message("un@exemple.ca")));
			cut.join();
			assertThat(failure).isNotNull();
			assertThat(failure.messageMayHaveArrived()).isTrue();
		}
		acceptedEventually("un@exemple.ca", 1);
	}

	private void acceptedEventually(String recipient, int times) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.server.acceptedPerRecipient()).containsEntry(recipient, times));
	}

	// The relay has the whole message and is about to reply when the connection dies (and, if asked,
	// the relay stops answering new connections); then it accepts the message anyway.
	private CompletableFuture<Void> cutOnceTheMessageIsReceived(boolean relayGoesDown) {
		return CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.server.heldCount() == 1);
			if (relayGoesDown) {
				this.server.faults().down();
			}
			this.server.closeConnections();
			this.server.faults().release();
		});
	}

	private static OutgoingMessage message(String to) {
		return new OutgoingMessage("<" + to + ">", "Infolettre", "infolettre@exemple.ca", "Membre", to, "Objet",
				"<p>Bonjour</p>", "Bonjour", "https://exemple.ca/u/t");
	}

	private static FaultySmtpServer server() {
		try {
			return new FaultySmtpServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.infolettre.newsletter.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two real SMTP servers: messages go to the main relay, to the fallback while it is down, and back. */
class FailoverMailGatewayIntegrationTests {

	private final FaultySmtpServer main = server();

	private final FaultySmtpServer fallback = server();

	private final FailoverMailGateway gateway = new FailoverMailGateway(List.of(gateway(this.main), gateway(this.fallback)));

	@AfterEach
	void stop() throws InterruptedException {
		this.main.close();
		this.fallback.close();
	}

	@Test
	void sendsThroughTheMainRelayThenTheFallbackWhileItIsDownThenTheMainOneAgain() {
		send("un@exemple.ca");
		this.main.faults().down();
		send("deux@exemple.ca");
		this.main.faults().up();
		send("trois@exemple.ca");

		assertThat(this.main.acceptedPerRecipient()).containsOnlyKeys("un@exemple.ca", "trois@exemple.ca");
		assertThat(this.fallback.acceptedPerRecipient()).containsOnlyKeys("deux@exemple.ca");
	}

	@Test
	void whenNoRelayAnswersItSaysWhyForEach() {
		this.main.faults().down();
		this.fallback.faults().down();

		assertThatThrownBy(this.gateway::connect).isInstanceOf(RelayUnavailableException.class)
			.hasMessageContaining("aucun relais")
			.hasMessageContaining(String.valueOf(this.main.port()))
			.hasMessageContaining(String.valueOf(this.fallback.port()));
	}

	private void send(String to) {
		try (MailConnection connection = this.gateway.connect()) {
			var message = new OutgoingMessage("<" + to + "@infolettre.exemple.ca>", "Infolettre", "infolettre@exemple.ca",
					"Membre", to, "Objet", "<p>Bonjour</p>", "Bonjour", "https://exemple.ca/u/t");
			assertThat(connection.send(message)).isInstanceOf(SendResult.Accepted.class);
		}
	}

	private static JakartaMailGateway gateway(FaultySmtpServer server) {
		return new JakartaMailGateway(new SmtpRelay("127.0.0.1", server.port(), null, null, false, Map.of()),
				DeliverySettings.defaults());
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

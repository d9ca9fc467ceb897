package io.infolettre.newsletter.mail.internal;

import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SmtpRelay;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.SendResult;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's pre-encoded messages sent through Angus' SMTPTransport to a real SMTP server
 * (GreenMail) arrive whole, with the envelope taken from their headers.
 */
class JakartaMailGatewayIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	private static final String TEXT = "Bonjour Élodie,\n\nL’été arrive : 🎉 « événements » à venir.\n"
			+ "Une ligne bien plus longue que soixante-seize caractères, pour les coupures douces du quoted-printable.\n"
			+ "Espaces en fin de ligne   \n= signe égal\n.point en début de ligne\nFrom the start\n";

	private static final String HTML = "<html><body><p>Bonjour <b>Élodie</b> — " + "très long paragraphe ".repeat(30)
			+ "</p>\n<p>.</p>\n<a href=\"https://exemple.ca/c/abc?x=1&amp;y=2\">Lien</a></body></html>\n";

	@Test
	void sendsMessagesThatArriveAsWritten() throws Exception {
		var gateway = new JakartaMailGateway(relay(), DeliverySettings.defaults());
		try (var connection = gateway.connect()) {
			for (int i = 1; i <= 3; i++) {
				assertThat(connection.send(message(i, HTML))).isEqualTo(new SendResult.Accepted("<000" + i + "@exemple.ca>"));
			}
		}

		assertThat(smtp.waitForIncomingEmail(5000, 3)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(3);
		for (int i = 1; i <= 3; i++) {
			MimeMessage mime = received[i - 1];
			assertThat(mime.getMessageID()).isEqualTo("<000" + i + "@exemple.ca>");
			// GreenMail writes the envelope sender (MAIL FROM) into Return-Path.
			assertThat(mime.getHeader("Return-Path", null)).isEqualTo("<infolettre@exemple.ca>");
			assertThat(mime.getSubject()).isEqualTo("Nouveautés de l’été, n° " + i);
			var from = (InternetAddress) mime.getFrom()[0];
			assertThat(from.getPersonal()).isEqualTo("Chambre de commerce – Saguenay, \"Lac\" l'été");
			var to = (InternetAddress) mime.getRecipients(Message.RecipientType.TO)[0];
			assertThat(to.getPersonal()).isEqualTo("O'Brien, Élodie");
			assertThat(to.getAddress()).isEqualTo("membre" + i + "@exemple.ca");
			assertThat(mime.getHeader("List-Unsubscribe", null)).isEqualTo("<https://exemple.ca/u/" + i + ">");
			assertThat(mime.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
			var parts = (MimeMultipart) mime.getContent();
			assertThat(parts.getBodyPart(0).getContent()).isEqualTo(TEXT.replace("\n", "\r\n"));
			assertThat(parts.getBodyPart(1).getContent()).isEqualTo(HTML.replace("\n", "\r\n"));
		}
		String raw = GreenMailUtil.getWholeMessage(received[0]);
		assertThat(raw).matches("\\p{ASCII}*");
		assertThat(raw).contains("\r\n.point en d=C3=A9but", "boundary=\"=_infolettre_");
	}

	@Test
	void aMessageThatCannotBeBuiltIsRefusedBeforeTheWire() {
		var gateway = new JakartaMailGateway(relay(), DeliverySettings.defaults());
		try (var connection = gateway.connect()) {
			assertThatThrownBy(() -> connection.send(message(1, null))).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	private static SmtpRelay relay() {
		return new SmtpRelay("127.0.0.1", smtp.getSmtp().getPort(), null, null, false, Map.of());
	}

	private static OutgoingMessage message(int i, String html) {
		return new OutgoingMessage("<000" + i + "@exemple.ca>", "Chambre de commerce – Saguenay, \"Lac\" l'été",
				"infolettre@exemple.ca", "O'Brien, Élodie", "membre" + i + "@exemple.ca", "Nouveautés de l’été, n° " + i,
				html, TEXT, "https://exemple.ca/u/" + i);
	}

}

package io.infolettre.newsletter.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.Properties;

import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What SMTPTransport asks of a message (envelope, subject, writeTo with the headers it leaves out),
 * answered from the pre-encoded bytes.
 */
class PreEncodedMimeMessageTests {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final String[] SMTP_IGNORES = { "Bcc", "Content-Length" };

	private final OutgoingMessage message = new OutgoingMessage("<0001@exemple.ca>", "Chambre de commerce – Saguenay",
			"infolettre@exemple.ca", "Élodie Tremblay", "elodie@exemple.ca", "Nouveautés de l’été",
			"<p>Bonjour Élodie</p>\n", "Bonjour Élodie\n", "https://exemple.ca/u/abc");

	private final byte[] bytes = MimeWriter.write(this.message, Instant.parse("2026-03-14T15:09:26Z"));

	@Test
	void givesTheTransportItsEnvelope() throws Exception {
		var mime = new PreEncodedMimeMessage(SESSION, this.bytes);

		assertThat(mime.getFrom()).extracting(a -> ((InternetAddress) a).getAddress())
			.containsExactly("infolettre@exemple.ca");
		assertThat(mime.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
			.containsExactly("elodie@exemple.ca");
		assertThat(((InternetAddress) mime.getRecipients(Message.RecipientType.TO)[0]).getPersonal())
			.isEqualTo("Élodie Tremblay");
		assertThat(mime.getSubject()).isEqualTo("Nouveautés de l’été");
		assertThat(mime.getMessageID()).isEqualTo("<0001@exemple.ca>");
		assertThat(mime.isMimeType("multipart/alternative")).isTrue();
		assertThat(mime.getSize()).isPositive().isLessThan(this.bytes.length);
	}

	@Test
	void holdsTheHeadersJakartaMailWouldReadFromItsBytes() throws Exception {
		var parsed = new MimeMessage(SESSION, new ByteArrayInputStream(this.bytes));

		assertThat(Collections.list(new PreEncodedMimeMessage(SESSION, this.bytes).getAllHeaderLines()))
			.isEqualTo(Collections.list(parsed.getAllHeaderLines()))
			.anyMatch(line -> line.startsWith("Subject: =?UTF-8?Q?"));
	}

	// As with InternetAddress before: the address goes into the header and the envelope as given.
	@Test
	void keepsAnAddressThatIsNotAscii() throws Exception {
		var message = new OutgoingMessage("<0001@exemple.ca>", "Infolettre", "infolettre@érablière.ca", "", "m@exemple.ca",
				"Objet", "<p>html</p>", "texte", "https://exemple.ca/u/abc");
		var mime = new PreEncodedMimeMessage(SESSION, MimeWriter.write(message, Instant.now()));

		assertThat(((InternetAddress) mime.getFrom()[0]).getAddress()).isEqualTo("infolettre@érablière.ca");
		assertThat(((InternetAddress) mime.getFrom()[0]).getPersonal()).isEqualTo("Infolettre");
	}

	@Test
	void writesItsBytesUnchanged() throws Exception {
		var mime = new PreEncodedMimeMessage(SESSION, this.bytes);

		assertThat(written(mime, SMTP_IGNORES)).isEqualTo(this.bytes);
		assertThat(written(mime, null)).isEqualTo(this.bytes);
	}

	// SMTPTransport does this when mail.smtp.allow8bitmime is on and the server offers 8BITMIME.
	@Test
	void onceChangedAndSavedItIsWrittenByJakartaMailAndKeepsItsMessageId() throws Exception {
		var mime = new PreEncodedMimeMessage(SESSION, this.bytes);
		var text = ((MimeMultipart) mime.getContent()).getBodyPart(0);
		text.setContent(text.getContent(), text.getContentType());
		text.setHeader("Content-Transfer-Encoding", "8bit");
		mime.saveChanges();

		byte[] written = written(mime, SMTP_IGNORES);
		assertThat(written).isNotEqualTo(this.bytes);
		var reread = new MimeMessage(SESSION, new ByteArrayInputStream(written));
		assertThat(reread.getMessageID()).isEqualTo("<0001@exemple.ca>");
		var parts = (MimeMultipart) reread.getContent();
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Bonjour Élodie\r\n");
		assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("8bit");
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Bonjour Élodie</p>\r\n");
	}

	@Test
	void aHeaderSetAfterwardsIsWritten() throws Exception {
		var mime = new PreEncodedMimeMessage(SESSION, this.bytes);
		mime.setHeader("X-Campagne", "printemps");

		var reread = new MimeMessage(SESSION, new ByteArrayInputStream(written(mime, SMTP_IGNORES)));
		assertThat(reread.getHeader("X-Campagne", null)).isEqualTo("printemps");
		assertThat(reread.getSubject()).isEqualTo("Nouveautés de l’été");
	}

	private static byte[] written(MimeMessage mime, String[] ignoreList) throws Exception {
		var out = new ByteArrayOutputStream();
		mime.writeTo(out, ignoreList);
		return out.toByteArray();
	}

}

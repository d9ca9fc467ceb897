package io.infolettre.newsletter.mail.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writer's bytes read back by Jakarta Mail's own parser: what was written is what a reader
 * gets, and every line obeys RFC 5322 and RFC 2045.
 */
class MimeWriterTests {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final Instant DATE = Instant.parse("2026-03-14T15:09:26Z");

	private static final String TEXT = """
			Bonjour Élodie,

			Voici l’infolettre de mars : 🎉 nouveautés, « événements » et activités à venir.
			Une ligne bien plus longue que soixante-seize caractères, pour voir les coupures douces du quoted-printable à l'œuvre.
			Des espaces en fin de ligne   \t
			Des signes égal : a=b, =?UTF-8?Q?x?= et ==
			From the start of a line
			Colonnes\tséparées\tpar des tabulations
			.un point en début de ligne
			Fin sans saut de ligne""";

	private static final String HTML = "<!doctype html>\n<html><body style=\"margin:0\">"
			+ "<p>Bonjour <b>Élodie</b> — " + "très long paragraphe ".repeat(20) + "</p>\r\n"
			+ "<a href=\"https://exemple.ca/c/abc?x=1&amp;y=2\">Lien</a>\r<img src=\"https://exemple.ca/o/abc\"></body></html>\n";

	@Test
	void headersReadBackAsWritten() throws Exception {
		MimeMessage mime = parse(MimeWriter.write(message("Infolettre de l’été : nouveautés, événements et 🎉 activités",
				"Chambre de commerce – Saguenay", "O'Brien, Jean \"Jo\""), DATE));

		assertThat(mime.getSubject()).isEqualTo("Infolettre de l’été : nouveautés, événements et 🎉 activités");
		var from = (InternetAddress) mime.getFrom()[0];
		assertThat(from.getPersonal()).isEqualTo("Chambre de commerce – Saguenay");
		assertThat(from.getAddress()).isEqualTo("infolettre@exemple.ca");
		var to = (InternetAddress) mime.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getPersonal()).isEqualTo("O'Brien, Jean \"Jo\"");
		assertThat(to.getAddress()).isEqualTo("elodie@exemple.ca");
		assertThat(mime.getSentDate()).isEqualTo(java.util.Date.from(DATE));
		assertThat(mime.getMessageID()).isEqualTo("<0001@exemple.ca>");
		assertThat(mime.getHeader("MIME-Version", null)).isEqualTo("1.0");
		assertThat(mime.getHeader("List-Unsubscribe", null)).isEqualTo("<https://exemple.ca/u/abc>");
		assertThat(mime.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(mime.isMimeType("multipart/alternative")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Infolettre de l'association", "Chambre de commerce – Saguenay, \"Lac\" l'été",
			"Dupont, Marie", "M. Tremblay (trésorier)", "Back\\slash \"quoted\"", "=?UTF-8?Q?pas_un_mot?=",
			"Émile", "東京 商工会議所", "🎉🎉🎉", "Une très très très longue raison sociale de coopérative régionale de l’Est du Québec",
			"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void displayNamesReadBackAsWritten(String name) throws Exception {
		MimeMessage mime = parse(MimeWriter.write(message("Objet", name, name), DATE));

		assertThat(((InternetAddress) mime.getFrom()[0]).getPersonal()).isEqualTo(name);
		assertThat(((InternetAddress) mime.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo(name);
	}

	@Test
	void aBlankDisplayNameLeavesTheAddressAlone() throws Exception {
		byte[] bytes = MimeWriter.write(message("Objet", " ", null), DATE);

		assertThat(headers(bytes)).contains("From: infolettre@exemple.ca\r\n", "To: elodie@exemple.ca\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Objet simple", "Un objet entièrement ASCII mais assez long pour devoir être plié sur plusieurs lignes sans problème",
			"Un mot demesure : https://exemple.ca/un/chemin/tres/long/qui/ne/tient/sur/aucune/ligne/de/soixante-dix-huit/caracteres",
			"Symboles ASCII: =?x?= <a> \"b\" (c) [d] ; e, f: g", "Tabulation\tici", "🎉", "" })
	void subjectsReadBackAsWritten(String subject) throws Exception {
		byte[] bytes = MimeWriter.write(message(subject, "Infolettre", "Élodie"), DATE);

		assertThat(parse(bytes).getSubject()).isEqualTo(subject);
		assertLinesWithin(bytes, 78);
	}

	@Test
	void plainAsciiSubjectsAreNotEncoded() {
		String headers = headers(MimeWriter.write(message("Objet simple", "Infolettre", "Membre"), DATE));

		assertThat(headers).contains("Subject: Objet simple\r\n", "From: Infolettre <infolettre@exemple.ca>\r\n");
	}

	// Python's email package keeps the space between two encoded-words in a name: one word if it fits.
	@Test
	void encodedNamesAreOneWordInQForLatinTextAndInBForOtherScripts() {
		String headers = headers(MimeWriter.write(message("Objet", "Émile Côté", "東京 商工会議所"), DATE));

		assertThat(headers).contains("From: =?UTF-8?Q?=C3=89mile_C=C3=B4t=C3=A9?= <infolettre@exemple.ca>\r\n",
				"To: =?UTF-8?B?5p2x5LqsIOWVhuW3peS8muitsOaJgA==?= <elodie@exemple.ca>\r\n");
	}

	@Test
	void bodiesReadBackAsWrittenWithCrlfLineBreaks() throws Exception {
		MimeMultipart alternative = (MimeMultipart) parse(MimeWriter.write(message("Objet", "A", "B"), DATE)).getContent();

		assertThat(alternative.getCount()).isEqualTo(2);
		assertPart(alternative.getBodyPart(0), "text/plain", TEXT);
		assertPart(alternative.getBodyPart(1), "text/html", HTML);
	}

	@Test
	void everyLineIsShortAndEndsWithCrlfAndEveryByteIsAscii() {
		byte[] bytes = MimeWriter.write(message("Infolettre de l’été : nouveautés, événements et 🎉 activités à venir",
				"Chambre de commerce – Saguenay, \"Lac\" l'été", "O'Brien, Jean \"Jo\""), DATE);

		assertLinesWithin(bytes, 78);
		for (byte b : bytes) {
			assertThat(b).isBetween((byte) 0, (byte) 127);
		}
		String body = new String(bytes, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[1];
		body.lines().filter(line -> !line.startsWith("--")).forEach(line -> assertThat(line).hasSizeLessThanOrEqualTo(76));
	}

	// Tabs too, like Angus: see QuotedPrintable.
	@Test
	void quotedPrintableEscapesWhatTransportsCouldDamage() {
		String body = new String(MimeWriter.write(message("Objet", "A", "B"), DATE), StandardCharsets.US_ASCII);

		assertThat(body).contains("Des espaces en fin de ligne   =09\r\n", "=46rom the start", "a=3Db, =3D?UTF-8?Q?x?=3D",
				"=C3=89lodie", "=F0=9F=8E=89", "\r\n.un point", "Colonnes=09s=C3=A9par=C3=A9es=09par");
		assertThat(body).doesNotContain("\r\nFrom ", " \r\n", "\t\r\n");
	}

	@Test
	void aLoneSurrogateBecomesAQuestionMarkAsInStringGetBytes() throws Exception {
		String broken = "Fête \uD83C de fin";
		MimeMessage mime = parse(MimeWriter.write(new OutgoingMessage("<0001@exemple.ca>", broken, "a@exemple.ca", "B",
				"b@exemple.ca", broken, broken, broken, "https://exemple.ca/u/abc"), DATE));

		assertThat(mime.getSubject()).isEqualTo("Fête ? de fin");
		assertThat(((InternetAddress) mime.getFrom()[0]).getPersonal()).isEqualTo("Fête ? de fin");
		assertThat(((MimeMultipart) mime.getContent()).getBodyPart(0).getContent()).isEqualTo("Fête ? de fin");
	}

	@Test
	void theBoundaryCannotBeMistakenForBodyText() throws Exception {
		String text = "--=_infolettre_0\n--=_infolettre_0--\n=_infolettre_";
		byte[] bytes = MimeWriter.write(new OutgoingMessage("<0001@exemple.ca>", "A", "a@exemple.ca", "B", "b@exemple.ca",
				"Objet", text, text, "https://exemple.ca/u/abc"), DATE);

		MimeMultipart alternative = (MimeMultipart) parse(bytes).getContent();
		assertThat(alternative.getCount()).isEqualTo(2);
		assertThat(alternative.getBodyPart(0).getContent()).isEqualTo(crlf(text));
		assertThat(headers(bytes)).containsPattern("boundary=\"=_infolettre_[0-9a-f]+\"");
	}

	@Test
	void lineBreaksInHeaderValuesAreFlattened() throws Exception {
		byte[] bytes = MimeWriter.write(new OutgoingMessage("<0001@exemple.ca>\r\nX-Injected: 1", "Nom\r\nBcc: pirate@exemple.ca",
				"infolettre@exemple.ca", "B\rX-Injected: 2", "b@exemple.ca\nBcc: pirate@exemple.ca",
				"Objet\r\nBcc: pirate@exemple.ca", "texte", "<p>html</p>", "https://exemple.ca/u/abc\r\nX-Injected: 3"), DATE);

		MimeMessage mime = parse(bytes);
		assertThat(mime.getHeader("Bcc")).isNull();
		assertThat(mime.getHeader("X-Injected")).isNull();
		assertThat(mime.getSubject()).isEqualTo("Objet Bcc: pirate@exemple.ca");
		assertThat(((InternetAddress) mime.getFrom()[0]).getPersonal()).isEqualTo("Nom Bcc: pirate@exemple.ca");
		assertThat(mime.getMessageID()).isEqualTo("<0001@exemple.ca> X-Injected: 1");
		assertThat(mime.getHeader("List-Unsubscribe", null)).isEqualTo("<https://exemple.ca/u/abc X-Injected: 3>");
		assertThat(headers(bytes)).contains("To: \"B X-Injected: 2\" <b@exemple.ca Bcc: pirate@exemple.ca>\r\n")
			.doesNotContain("\r\nBcc", "\r\nX-Injected")
			.doesNotContainPattern("[^\r]\n|\r[^\n]");
	}

	@Test
	void replyToAndTheTestMarkAreWrittenOnlyWhenAsked() throws Exception {
		var test = new OutgoingMessage("<0001@exemple.ca>", "Présidence", "presidence@exemple.ca", "", "b@exemple.ca",
				"[TEST] Objet", "<p>html</p>", "texte", "https://exemple.ca/apercu", null,
				"reponses@exemple.ca\r\nBcc: pirate@exemple.ca", true);
		MimeMessage mime = parse(MimeWriter.write(test, DATE));
		assertThat(mime.getHeader("X-Infolettre-Test")).containsExactly("1");
		assertThat(mime.getHeader("Reply-To", null)).isEqualTo("<reponses@exemple.ca Bcc: pirate@exemple.ca>");
		assertThat(mime.getHeader("Bcc")).isNull();

		MimeMessage plain = parse(MimeWriter.write(message("Objet", "A", "B"), DATE));
		assertThat(plain.getHeader("X-Infolettre-Test")).isNull();
		assertThat(plain.getHeader("Reply-To")).isNull();
	}

	@Test
	void refusesAMessageWithoutBodyOrWithAnOverlongHeader() {
		assertThatThrownBy(() -> MimeWriter.write(new OutgoingMessage("<1@exemple.ca>", "A", "a@exemple.ca", "B",
				"b@exemple.ca", "Objet", null, "texte", "https://exemple.ca/u"), DATE))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MimeWriter.write(new OutgoingMessage("<1@exemple.ca>", "A", "a@exemple.ca", "B",
				"b@exemple.ca", "Objet", "<p>html</p>", "texte", "https://exemple.ca/u/" + "x".repeat(1000)), DATE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	// Random mixes of what makes quoted-printable and encoded-words hard, at every position of a line.
	@Test
	void randomTextReadsBackAsWritten() throws Exception {
		String[] pieces = { "a", "é", "🎉", " ", "\t", "=", "\n", "\r", "\r\n", "F", "From ", ".", "-", "_", "?", "\"", ",",
				"x".repeat(70), "€" };
		var random = new Random(20260314);
		for (int round = 0; round < 300; round++) {
			var text = new StringBuilder();
			int n = random.nextInt(60);
			for (int i = 0; i < n; i++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			String body = text.toString();
			String header = MimeWriter.singleLine(body.replace('\t', ' ')).replaceAll(" +", " ");
			byte[] bytes = MimeWriter.write(new OutgoingMessage("<" + round + "@exemple.ca>", header, "a@exemple.ca", "B",
					"b@exemple.ca", header, body, body, "https://exemple.ca/u"), DATE);

			MimeMessage mime = parse(bytes);
			assertThat(mime.getSubject()).as("subject of %s", body).isEqualTo(header);
			assertThat(((InternetAddress) mime.getFrom()[0]).getPersonal()).as("name of %s", body)
				.isEqualTo(header.isEmpty() ? null : header);
			var alternative = (MimeMultipart) mime.getContent();
			assertThat(alternative.getBodyPart(0).getContent()).as("text of %s", body).isEqualTo(crlf(body));
			assertThat(alternative.getBodyPart(1).getContent()).as("html of %s", body).isEqualTo(crlf(body));
			assertLinesWithin(bytes, 78);
		}
	}

	private static OutgoingMessage message(String subject, String fromName, String toName) {
		return new OutgoingMessage("<0001@exemple.ca>", fromName, "infolettre@exemple.ca", toName, "elodie@exemple.ca",
				subject, HTML, TEXT, "https://exemple.ca/u/abc");
	}

	private static MimeMessage parse(byte[] bytes) throws Exception {
		return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
	}

	private static void assertPart(BodyPart part, String type, String content) throws Exception {
		assertThat(part.getContentType()).isEqualTo(type + "; charset=UTF-8");
		assertThat(part.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(part.getContent()).isEqualTo(crlf(content));
	}

	private static String crlf(String text) {
		return text.replaceAll("\r\n|\r|\n", "\r\n");
	}

	private static String headers(byte[] bytes) {
		String message = new String(bytes, StandardCharsets.UTF_8);
		return message.substring(0, message.indexOf("\r\n\r\n") + 2);
	}

	private static void assertLinesWithin(byte[] bytes, int max) {
		List<String> tooLong = new ArrayList<>();
		String message = new String(bytes, StandardCharsets.UTF_8);
		assertThat(message).doesNotContainPattern("[^\r]\n|\r[^\n]").endsWith("\r\n");
		for (String line : message.split("\r\n")) {
			if (line.length() > max) {
				tooLong.add(line);
			}
		}
		assertThat(tooLong).isEmpty();
	}

}

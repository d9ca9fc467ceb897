package io.infolettre.newsletter.recipient;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every unsubscribe is in the audit log with how and from which issue, and the log exports as a CSV
 * a spreadsheet opens with its accents.
 */
class UnsubscribeLogIntegrationTests extends AbstractIntegrationTests {

	private final String list = "journal-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void eachUnsubscribeIsLoggedOnceWithItsChannelAndIssue() throws Exception {
		var api = new TestIssues(http());
		String issueId = api.sentTo(this.list,
				List.of(address("clic"), address("page"), address("plainte"), address("courriel")));
		Map<String, MimeMessage> messages = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).endsWith(this.list + "@membres.exemple.ca"))
			.collect(Collectors.toMap(TestMailServer::recipient, m -> m));

		String oneClick = unsubscribeUrl(messages.get(address("clic")));
		assertThat(http().postForm(oneClick, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
		assertThat(http().postForm(oneClick, "List-Unsubscribe=One-Click").statusCode()).as("again").isEqualTo(200);
		assertThat(http().postForm(unsubscribeUrl(messages.get(address("page"))), "").statusCode()).isEqualTo(200);
		String complaint = "{\"messageId\":\"%s\",\"type\":\"complaint\"}"
			.formatted(messages.get(address("plainte")).getMessageID());
		assertThat(http().api("POST", "/api/v1/bounces", complaint).statusCode()).isEqualTo(202);

		// the mailto: fallback: the mailbox's reader posts the message it received
		String mailto = MimeUtility.unfold(messages.get(address("courriel")).getHeader("List-Unsubscribe")[0])
			.split(",")[1].replaceAll("[<>]", "").strip();
		String subject = mailto.substring(mailto.indexOf("subject=") + "subject=".length());
		byte[] request = ("From: " + address("courriel") + "\r\nTo: infolettre@exemple.ca\r\nSubject: " + subject
				+ "\r\n\r\nMerci de me désabonner.\r\n").getBytes(StandardCharsets.UTF_8);
		assertThat(http().api("POST", "/api/v1/unsubscribe-requests", "message/rfc822", request).statusCode())
			.isEqualTo(202);
		byte[] forged = "From: x@exemple.ca\r\nSubject: desabonnement-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n\r\n."
			.getBytes(StandardCharsets.UTF_8);
		assertThat(http().api("POST", "/api/v1/unsubscribe-requests", "message/rfc822", forged).statusCode())
			.as("the same answer for a forged token").isEqualTo(202);

		String today = LocalDate.now(SendTime.QUEBEC).toString();
		var export = http().apiBytes("/api/v1/unsubscribes.csv?from=" + today + "&to=" + today);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/csv"));
		byte[] body = export.body();
		assertThat(Arrays.copyOf(body, 3)).as("a byte order mark for Excel")
			.containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("demandé_le", "effectif_le",
				"délai_secondes", "adresse", "canal", "numéro", "numéro_id");
		Map<String, CSVRecord> mine = rows.stream()
			.filter(row -> row.get("adresse").endsWith(this.list + "@membres.exemple.ca"))
			.collect(Collectors.toMap(row -> row.get("adresse"), row -> row));
		assertThat(mine).as("one line each, the repeated request changed nothing").hasSize(4);
		assertThat(mine.get(address("courriel")).get("canal")).isEqualTo("courriel de désabonnement");
		assertThat(mine.get(address("clic")).get("canal")).isEqualTo("en un clic (client de courriel)");
		assertThat(mine.get(address("page")).get("canal")).isEqualTo("page de désabonnement");
		assertThat(mine.get(address("plainte")).get("canal")).isEqualTo("plainte pour pourriel");
		assertThat(mine.values()).allSatisfy(row -> {
			assertThat(row.get("numéro")).isEqualTo("Infolettre – décembre " + this.list);
			assertThat(row.get("numéro_id")).isEqualTo(issueId);
			assertThat(row.get("délai_secondes")).isEqualTo("0");
			assertThat(row.get("demandé_le")).startsWith(today).isEqualTo(row.get("effectif_le"));
		});

		assertThat(http().apiBytes("/api/v1/unsubscribes.csv?from=" + today + "&to=2020-01-01").statusCode())
			.isEqualTo(400);
	}

	private String address(String name) {
		return name + "." + this.list + "@membres.exemple.ca";
	}

	private static String unsubscribeUrl(MimeMessage message) throws Exception {
		return MimeUtility.unfold(message.getHeader("List-Unsubscribe")[0]).split(",")[0].replaceAll("[<>]", "").strip();
	}

}

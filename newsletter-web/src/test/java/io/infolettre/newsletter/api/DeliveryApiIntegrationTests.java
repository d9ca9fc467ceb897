package io.infolettre.newsletter.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger of a real send, by group, as JSON pages and as a CSV a spreadsheet opens right. */
class DeliveryApiIntegrationTests extends AbstractIntegrationTests {

	private static final String DIAGNOSTIC = "550 5.1.1 Boîte « inconnue », \"supprimée\" — réessayez";

	private final String list = "ledger-" + UUID.randomUUID().toString().substring(0, 8);

	private TestIssues issues;

	private String issueId;

	private JsonNode bounced;

	@BeforeEach
	void sendToThreeMembersAndBounceOne() {
		this.issues = new TestIssues(http());
		this.issueId = this.issues.sentTo(this.list,
				List.of("ana." + this.list + "@membres.exemple.ca", "bea." + this.list + "@membres.exemple.ca",
						"cloe." + this.list + "@membres.exemple.ca"));
		this.bounced = this.issues.deliveries(this.issueId, "sent").get("items").get(1);
		var response = http().api("POST", "/api/v1/bounces", """
				{"messageId":"%s","type":"hard","diagnostic":"%s"}
				""".formatted(this.bounced.get("messageId").asString(), DIAGNOSTIC.replace("\"", "\\\"")));
		assertThat(response.statusCode()).isEqualTo(202);
	}

	@Test
	void listsTheLedgerByGroupAPageAtATime() {
		JsonNode all = this.issues.deliveries(this.issueId, "all");
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(all.get("items")).hasSize(3);
		all.get("items").forEach(item -> {
			assertThat(item.get("email").asString()).endsWith(this.list + "@membres.exemple.ca");
			assertThat(item.get("messageId").asString()).startsWith("<" + item.get("id").asString() + "@");
			assertThat(item.get("attempts").asInt()).isEqualTo(1);
		});

		JsonNode undelivered = this.issues.deliveries(this.issueId, "undelivered");
		assertThat(undelivered.get("status").asString()).isEqualTo("undelivered");
		assertThat(undelivered.get("total").asLong()).isEqualTo(1);
		assertThat(undelivered.get("items").get(0).get("email").asString())
			.isEqualTo(this.bounced.get("email").asString());
		assertThat(undelivered.get("items").get(0).get("reason").asString()).isEqualTo("Rebond : " + DIAGNOSTIC);
		assertThat(this.issues.deliveries(this.issueId, "sent").get("total").asLong()).isEqualTo(2);
		assertThat(this.issues.deliveries(this.issueId, "skipped").get("items")).isEmpty();
		assertThat(this.issues.deliveries(this.issueId, "pending").get("items")).isEmpty();

		JsonNode secondPage = this.issues.read(
				http().api("GET", "/api/v1/issues/" + this.issueId + "/deliveries?status=all&page=1&size=2").body());
		assertThat(secondPage.get("items")).hasSize(1);
		assertThat(secondPage.get("items").get(0).get("id").asString())
			.isEqualTo(all.get("items").get(2).get("id").asString());

		assertThat(http().api("GET", "/api/v1/issues/" + this.issueId + "/deliveries?status=perdus").statusCode())
			.isEqualTo(400);
		assertThat(http().api("GET", "/api/v1/issues/0123456789abcdef01234567/deliveries").statusCode())
			.isEqualTo(404);
	}

	@Test
	void csvHasAByteOrderMarkFrenchHeadersAndTheReasonsIntact() throws Exception {
		var response = http().apiBytes("/api/v1/issues/" + this.issueId + "/deliveries.csv");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).startsWith("attachment")
					.contains("filename=\"infolettre-decembre-" + this.list + "-tous.csv\""));
		byte[] bytes = response.body();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("adresse,statut,tentatives,raison,envoyé_le,message_id,doublon_possible\r\n");

		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))
			.getRecords();
		assertThat(rows).hasSize(3);
		CSVRecord bounced = rows.stream()
			.filter(row -> row.get("adresse").equals(this.bounced.get("email").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(bounced.get("statut")).isEqualTo("Échec définitif");
		assertThat(bounced.get("raison")).isEqualTo("Rebond : " + DIAGNOSTIC);
		assertThat(bounced.get("tentatives")).isEqualTo("1");
		assertThat(bounced.get("envoyé_le")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[45]:00");
		assertThat(bounced.get("message_id")).isEqualTo(this.bounced.get("messageId").asString());
		assertThat(bounced.get("doublon_possible")).isEqualTo("non");
		assertThat(rows).filteredOn(row -> row.get("statut").equals("Envoyé")).hasSize(2);

		var undelivered = http().apiBytes("/api/v1/issues/" + this.issueId + "/deliveries.csv?status=undelivered");
		assertThat(new String(undelivered.body(), StandardCharsets.UTF_8).lines()).hasSize(2);
		assertThat(undelivered.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(disposition -> assertThat(disposition).contains("-non-remis.csv"));
	}

}

package io.infolettre.newsletter.api;

import java.util.UUID;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ApiIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	Subscribers subscribers;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void invalidEntriesAreReportedByPositionWhileTheValidOnesAreAddedOnce() {
		String batch = """
				[{"email":"ginette.%1$s@exemple.ca","firstName":"Ginette","company":"Fromagerie L'Ancêtre & Cie","lists":["%1$s"]},
				 {"email":"pas-une-adresse","firstName":"X"},
				 {"email":"GINETTE.%1$s@Exemple.ca","firstName":"Doublon"},
				 {"email":"rene.%1$s@exemple.ca","firstName":"René","language":"en","attributes":{"secteur":"Génie"}}]
				""".formatted(this.tag);

		JsonNode first = this.json.readTree(http().api("POST", "/api/v1/subscribers", batch).body());
		assertThat(first.get("received").asInt()).isEqualTo(4);
		assertThat(first.get("added").asInt()).isEqualTo(2);
		assertThat(first.get("invalid")).hasSize(2);
		assertThat(first.get("invalid").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(first.get("invalid").get(1).get("index").asInt()).isEqualTo(2);

		var ginette = this.subscribers.findByEmail(EmailAddress.of("ginette." + this.tag + "@exemple.ca")).orElseThrow();
		assertThat(ginette.getCompany()).isEqualTo("Fromagerie L'Ancêtre & Cie");
		assertThat(ginette.getLists()).containsExactly(this.tag);
		assertThat(ginette.getConsent().channel()).isEqualTo(Consent.Channel.API);
		assertThat(this.subscribers.findByEmail(EmailAddress.of("rene." + this.tag + "@exemple.ca")).orElseThrow()
			.getAttributes()).containsEntry("secteur", "Génie");

		JsonNode again = this.json.readTree(http().api("POST", "/api/v1/subscribers", batch).body());
		assertThat(again.get("added").asInt()).as("adding the same batch twice changes nothing").isZero();
	}

	@Test
	void createsADraftAndListsIt() {
		String request = """
				{"title":"Infolettre – %s","subject":"${firstName!'Membre'}, l'été arrive","body":"## Été\\n\\nBonjour.","list":"%s"}
				""".formatted(this.tag, this.tag);
		var created = http().api("POST", "/api/v1/issues", request);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode issue = this.json.readTree(created.body());
		assertThat(issue.get("status").asString()).isEqualTo("DRAFT");
		assertThat(issue.get("audienceList").asString()).isEqualTo(this.tag);
		assertThat(created.headers().firstValue("Location")).contains("/api/v1/issues/" + issue.get("id").asString());

		var listed = http().api("GET", "/api/v1/issues").body();
		assertThat(listed).contains("Infolettre – " + this.tag);
	}

	@Test
	void apiNeedsCredentials() {
		assertThat(http().get("/api/v1/issues").statusCode()).isEqualTo(401);
		assertThat(http().postForm("/api/v1/subscribers", "[]").statusCode()).isEqualTo(401);
	}

	@Test
	void healthIsUpOnTheEmbeddedDatabase() {
		var health = http().get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void adminPagesNeedALogin() {
		var response = http().get("/admin/issues");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

}

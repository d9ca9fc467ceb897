package io.infolettre.newsletter.api;

import java.util.UUID;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestTemplates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** GET and POST /api/v1/templates: the list, a refused upload (422 with line and column), a kept one. */
class TemplateApiIntegrationTests extends AbstractIntegrationTests {

	private final ObjectMapper json = JsonMapper.builder().build();

	private final String name = "api-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void listsTheShippedLayouts() {
		var response = http().api("GET", "/api/v1/templates");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode list = this.json.readTree(response.body());
		JsonNode infolettre = null;
		for (JsonNode t : list) {
			if (t.get("name").asString().equals("infolettre")) {
				infolettre = t;
			}
		}
		assertThat(infolettre).isNotNull();
		assertThat(infolettre.get("usable").asBoolean()).isTrue();
		assertThat(infolettre.get("languages").toString()).isEqualTo("[\"fr\",\"en\"]");
	}

	@Test
	void anInvalidUploadIs422WithEveryProblemAndItsPosition() {
		String body = this.json.writeValueAsString(java.util.Map.of("name", this.name, "language", "en", "html",
				"<p>\n  ${nope}</p>" + TestTemplates.HTML, "text", "${"));
		var response = http().api("POST", "/api/v1/templates", body);
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problems = this.json.readTree(response.body()).get("problems");
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).get("file").asString()).isEqualTo(this.name + "_en.txt.ftl");
		assertThat(problems.get(0).get("line").asInt()).isEqualTo(1);

		body = this.json.writeValueAsString(java.util.Map.of("name", this.name, "language", "en", "html",
				"<p>\n  ${nope}</p>" + TestTemplates.HTML, "text",
				TestTemplates.TEXT));
		response = http().api("POST", "/api/v1/templates", body);
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode unknown = this.json.readTree(response.body()).get("problems").get(0);
		assertThat(unknown.get("file").asString()).isEqualTo(this.name + "_en.html.ftlh");
		assertThat(unknown.get("line").asInt()).isEqualTo(2);
		assertThat(unknown.get("column").asInt()).isEqualTo(5);
		assertThat(unknown.get("detail").asString()).contains("nope");
	}

	@Test
	void aValidUploadIsCreatedAndListed() {
		String body = this.json.writeValueAsString(java.util.Map.of("name", this.name, "language", "fr", "html",
				TestTemplates.HTML, "text", TestTemplates.TEXT));
		var response = http().api("POST", "/api/v1/templates", body);
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(response.body()).get("origin").asString()).isEqualTo("UPLOADED");
		assertThat(http().api("GET", "/api/v1/templates").body()).contains("\"name\":\"" + this.name + "\"");
	}

}

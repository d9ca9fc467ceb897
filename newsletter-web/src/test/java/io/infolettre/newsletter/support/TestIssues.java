package io.infolettre.newsletter.support;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issues brought to a state through the real API and the real send, as an API user would. */
public final class TestIssues {

	private final TestHttp http;

	private final JsonMapper json = JsonMapper.builder().build();

	public TestIssues(TestHttp http) {
		this.http = http;
	}

	/** Adds these members to a list of their own and creates a draft for that list. */
	public String draftFor(String list, List<String> emails) {
		String members = emails.stream()
			.map(email -> "{\"email\":\"%s\",\"firstName\":\"Hélène\",\"lists\":[\"%s\"]}".formatted(email, list))
			.collect(Collectors.joining(",", "[", "]"));
		assertThat(this.http.api("POST", "/api/v1/subscribers", members).statusCode()).isEqualTo(200);
		var created = this.http.api("POST", "/api/v1/issues", """
				{"title":"Infolettre – décembre %s","subject":"${firstName!'Membre'}, l'été arrive","body":"## Été\\n\\nBonjour.","list":"%s"}
				""".formatted(list, list));
		assertThat(created.statusCode()).isEqualTo(201);
		return read(created.body()).get("id").asString();
	}

	/** A draft for these members, sent and waited for until SENT. */
	public String sentTo(String list, List<String> emails) {
		String id = draftFor(list, emails);
		assertThat(this.http.api("POST", "/api/v1/issues/" + id + "/send").statusCode()).isEqualTo(202);
		awaitStatus(id, "SENT");
		return id;
	}

	public void awaitStatus(String issueId, String status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(status(issueId)).isEqualTo(status));
	}

	public String status(String issueId) {
		return read(this.http.api("GET", "/api/v1/issues/" + issueId).body()).get("status").asString();
	}

	/** The issue's ledger entries in a group (undelivered, sent, …), as the API lists them. */
	public JsonNode deliveries(String issueId, String status) {
		var response = this.http.api("GET", "/api/v1/issues/" + issueId + "/deliveries?status=" + status);
		assertThat(response.statusCode()).isEqualTo(200);
		return read(response.body());
	}

	public JsonNode read(String body) {
		return this.json.readTree(body);
	}

}

package io.infolettre.newsletter.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause, resume, cancel and resend through the API: each only from the statuses that allow it. */
class SendControlApiIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	IssueManagement management;

	private final String list = "control-" + UUID.randomUUID().toString().substring(0, 8);

	private TestIssues issues;

	@BeforeEach
	void client() {
		this.issues = new TestIssues(http());
	}

	@Test
	void aDraftCanOnlyBeSent() {
		String id = this.issues.draftFor(this.list, members(1));

		for (String action : List.of("pause", "resume", "cancel", "resend")) {
			var response = http().api("POST", "/api/v1/issues/" + id + "/" + action);
			assertThat(response.statusCode()).as(action).isEqualTo(409);
			assertThat(this.issues.read(response.body()).get("title").asString()).isEqualTo("Statut incompatible");
		}
		assertThat(this.issues.status(id)).isEqualTo("DRAFT");
		assertThat(http().api("POST", "/api/v1/issues/0123456789abcdef01234567/pause").statusCode()).isEqualTo(404);
	}

	@Test
	void aScheduledSendPausesResumesAndFinishes() {
		String id = this.issues.draftFor(this.list, members(3));
		// scheduled for tomorrow: nothing fires before the test resumes it
		this.management.schedule(id, Instant.now().plus(Duration.ofDays(1)));
		assertThat(post(id, "resume")).isEqualTo(409);

		var paused = http().api("POST", "/api/v1/issues/" + id + "/pause");
		assertThat(paused.statusCode()).isEqualTo(200);
		JsonNode issue = this.issues.read(paused.body());
		assertThat(issue.get("status").asString()).isEqualTo("PAUSED");
		assertThat(issue.get("pauseReason").asString()).isEqualTo("Mis en pause par la coordination");
		assertThat(post(id, "pause")).isEqualTo(409);
		assertThat(post(id, "send")).isEqualTo(409);
		assertThat(post(id, "resend")).isEqualTo(409);

		assertThat(post(id, "resume")).isEqualTo(202);
		this.issues.awaitStatus(id, "SENT");
		assertThat(this.issues.deliveries(id, "sent").get("total").asLong()).isEqualTo(3);
		for (String action : List.of("pause", "resume", "cancel", "send")) {
			assertThat(post(id, action)).as(action).isEqualTo(409);
		}
		var resend = http().api("POST", "/api/v1/issues/" + id + "/resend");
		assertThat(resend.statusCode()).as("everyone received it").isEqualTo(422);
		assertThat(resend.body()).contains("rien à renvoyer");
	}

	@Test
	void aCancelledSendStaysCancelled() {
		String id = this.issues.draftFor(this.list, members(1));
		this.management.schedule(id, Instant.now().plus(Duration.ofDays(1)));

		var cancelled = http().api("POST", "/api/v1/issues/" + id + "/cancel");
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(this.issues.read(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
		for (String action : List.of("cancel", "pause", "resume", "send", "resend")) {
			assertThat(post(id, action)).as(action).isEqualTo(409);
		}
	}

	@Test
	void aResendReachesOnlyThoseNotReachedAndSkipsThoseWhoBouncedForGood() {
		String id = this.issues.sentTo(this.list, members(3));
		JsonNode bounced = this.issues.deliveries(id, "sent").get("items").get(0);
		http().api("POST", "/api/v1/bounces", "{\"messageId\":\"%s\",\"type\":\"hard\"}"
			.formatted(bounced.get("messageId").asString()));
		assertThat(this.issues.deliveries(id, "undelivered").get("total").asLong()).isEqualTo(1);

		assertThat(post(id, "resend")).isEqualTo(202);
		this.issues.awaitStatus(id, "SENT");

		assertThat(this.issues.deliveries(id, "undelivered").get("total").asLong()).isZero();
		JsonNode skipped = this.issues.deliveries(id, "skipped").get("items");
		assertThat(skipped).hasSize(1);
		assertThat(skipped.get(0).get("id").asString()).isEqualTo(bounced.get("id").asString());
		assertThat(post(id, "resend")).isEqualTo(422);
	}

	private int post(String issueId, String action) {
		return http().api("POST", "/api/v1/issues/" + issueId + "/" + action).statusCode();
	}

	private List<String> members(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> "membre" + i + "." + this.list + "@membres.exemple.ca")
			.toList();
	}

}

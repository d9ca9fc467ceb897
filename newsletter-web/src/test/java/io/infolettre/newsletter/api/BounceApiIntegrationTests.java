package io.infolettre.newsletter.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.TestBounces;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounce webhook against a real send: three members receive an issue over SMTP, then bounces
 * and complaints about those messages arrive as JSON or as the bounce message itself.
 */
class BounceApiIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	Subscribers subscribers;

	private final String list = "bounce-" + UUID.randomUUID().toString().substring(0, 8);

	private TestIssues issues;

	private String issueId;

	private JsonNode sent;

	@BeforeEach
	void sendToThreeMembers() {
		this.issues = new TestIssues(http());
		this.issueId = this.issues.sentTo(this.list, List.of(address("jerome"), address("helene"), address("gilles")));
		this.sent = this.issues.deliveries(this.issueId, "sent").get("items");
		assertThat(this.sent).hasSize(3);
	}

	@Test
	void aHardBounceFailsTheEntryForGoodAndBouncesTheSubscriber() {
		JsonNode entry = this.sent.get(0);
		var response = http().api("POST", "/api/v1/bounces", """
				{"messageId":"%s","type":"hard","diagnostic":"550 5.1.1 Utilisateur inconnu"}
				""".formatted(entry.get("messageId").asString()));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(result(response.body())).containsExactly(1, 1, 0);
		JsonNode undelivered = this.issues.deliveries(this.issueId, "undelivered").get("items");
		assertThat(undelivered).hasSize(1);
		assertThat(undelivered.get(0).get("id").asString()).isEqualTo(entry.get("id").asString());
		assertThat(undelivered.get(0).get("status").asString()).isEqualTo("FAILED_PERMANENT");
		assertThat(undelivered.get(0).get("reason").asString()).contains("550 5.1.1 Utilisateur inconnu");
		assertThat(statusOf(entry)).isEqualTo(SubscriberStatus.BOUNCED);
	}

	@Test
	void aComplaintStopsEverySendToTheMember() {
		JsonNode entry = this.sent.get(1);
		var response = http().api("POST", "/api/v1/bounces", """
				[{"messageId":"%s","type":"complaint"}]
				""".formatted(entry.get("messageId").asString()));

		assertThat(result(response.body())).containsExactly(1, 1, 0);
		assertThat(statusOf(entry)).isEqualTo(SubscriberStatus.COMPLAINED);
		assertThat(this.issues.deliveries(this.issueId, "sent").get("total").asLong())
			.as("the message was delivered: it stays sent").isEqualTo(3);
	}

	@Test
	void unknownMessageIdsAreIgnoredWithoutSayingWhichAreOurs() {
		var response = http().api("POST", "/api/v1/bounces", """
				[{"messageId":"<0123456789abcdef0123456789abcdef@infolettre.exemple.ca>","type":"hard"},
				 {"messageId":"<CAF=quelconque@mail.exemple.net>","type":"soft"},
				 {"messageId":"%s","type":"soft","diagnostic":"452 4.2.2 Boîte pleine"}]
				""".formatted(this.sent.get(2).get("messageId").asString()));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(result(response.body())).containsExactly(3, 1, 2);
		assertThat(response.body()).doesNotContain("0123456789abcdef", "CAF=");
		assertThat(statusOf(this.sent.get(2))).as("a soft bounce alone changes nothing")
			.isEqualTo(SubscriberStatus.ACTIVE);
	}

	@Test
	void aPostfixBounceMessagePostedAsItIsBouncesTheEntry() {
		JsonNode entry = this.sent.get(2);
		var response = http().api("POST", "/api/v1/bounces", "message/rfc822",
				TestBounces.postfixUserUnknown(entry.get("messageId").asString()));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(result(response.body())).containsExactly(1, 1, 0);
		JsonNode undelivered = this.issues.deliveries(this.issueId, "undelivered").get("items");
		assertThat(undelivered.get(0).get("reason").asString())
			.isEqualTo("Rebond : 550 5.1.1 <jerome.cote@membres.exemple.ca>: Recipient address rejected: User unknown");
		assertThat(statusOf(entry)).isEqualTo(SubscriberStatus.BOUNCED);
	}

	@Test
	void aBounceMessagePostedWithItsMultipartTypeIsReadToo() {
		JsonNode entry = this.sent.get(0);
		var response = http().api("POST", "/api/v1/bounces",
				"multipart/report; report-type=delivery-status; boundary=\"4XyZ2b1Qk9z9sWb.1765810934/mail.exemple.ca\"",
				TestBounces.postfixUserUnknown(entry.get("messageId").asString()));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(result(response.body())).containsExactly(1, 1, 0);
		assertThat(statusOf(entry)).isEqualTo(SubscriberStatus.BOUNCED);
	}

	@Test
	void aMessageThatIsNotABounceIsIgnored() {
		var response = http().api("POST", "/api/v1/bounces", "message/rfc822",
				"Subject: Absent du bureau\r\n\r\nDe retour le 5 janvier.\r\n".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(result(response.body())).containsExactly(1, 0, 1);
	}

	@Test
	void anInvalidReportRefusesTheWholeRequest() {
		String first = this.sent.get(0).get("messageId").asString();
		var response = http().api("POST", "/api/v1/bounces", """
				[{"messageId":"%s","type":"hard"},{"messageId":"%s","type":"rebond"}]
				""".formatted(first, first));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("hard, soft ou complaint");
		assertThat(statusOf(this.sent.get(0))).isEqualTo(SubscriberStatus.ACTIVE);
	}

	@Test
	void theWebhookNeedsCredentials() {
		String messageId = this.sent.get(0).get("messageId").asString();
		var json = http().anonymous("POST", "/api/v1/bounces", "application/json",
				"{\"messageId\":\"%s\",\"type\":\"hard\"}".formatted(messageId).getBytes(StandardCharsets.UTF_8));
		var dsn = http().anonymous("POST", "/api/v1/bounces", "message/rfc822", TestBounces.postfixUserUnknown(messageId));

		assertThat(json.statusCode()).isEqualTo(401);
		assertThat(dsn.statusCode()).isEqualTo(401);
		assertThat(statusOf(this.sent.get(0))).isEqualTo(SubscriberStatus.ACTIVE);
	}

	private List<Integer> result(String body) {
		JsonNode result = this.issues.read(body);
		return List.of(result.get("received").asInt(), result.get("matched").asInt(), result.get("ignored").asInt());
	}

	private SubscriberStatus statusOf(JsonNode entry) {
		return this.subscribers.findById(entry.get("subscriberId").asString()).orElseThrow().getStatus();
	}

	private String address(String name) {
		return EmailAddress.of(name + "." + this.list + "@membres.exemple.ca").value();
	}

}

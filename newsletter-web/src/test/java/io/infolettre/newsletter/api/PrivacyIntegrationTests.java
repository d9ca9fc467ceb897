package io.infolettre.newsletter.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberErasure;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quebec's Law 25: an access request returns everything held about a subscriber, and an erasure
 * removes their personal data everywhere it is kept, leaving only anonymised audit entries; the
 * address may come back afterwards with a new consent.
 */
class PrivacyIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern CLICK = Pattern.compile("https?://[^\"\\s<>]+/c/[a-z2-8]{52}");

	@Autowired
	Subscribers subscribers;

	@Autowired
	SubscriberErasure erasure;

	@Autowired
	MongoTemplate mongo;

	private final String list = "vie-privee-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anAccessRequestShowsEverythingHeldAndAnErasureLeavesOnlyAnonymisedAuditEntries() throws Exception {
		var issues = new TestIssues(http());
		String issueId = issues.sentTo(this.list, List.of(address("marie"), address("autre")));
		String id = this.subscribers.findByEmail(EmailAddress.of(address("marie"))).orElseThrow().getId();
		String deliveryId = ledger(issueId).stream()
			.filter(entry -> id.equals(entry.getString("subscriberId")))
			.findFirst()
			.orElseThrow()
			.getString("_id");
		String messageId = message(address("marie")).getMessageID();

		// she clicks a link (recorded for her: tracking is individual), her server later refuses a message
		assertThat(http().getBytes(firstClick(address("marie"))).statusCode()).isEqualTo(302);
		String bounce = "{\"messageId\":\"%s\",\"type\":\"soft\",\"diagnostic\":\"452 4.2.2 <%s>: boîte pleine\"}"
			.formatted(messageId, address("marie"));
		assertThat(http().api("POST", "/api/v1/bounces", bounce).statusCode()).isEqualTo(202);
		AdminSession admin = AdminSession.login(this.port);
		admin.submit("/admin/subscribers/" + id, "/admin/subscribers/" + id + "/unsubscribe");

		JsonNode data = await().atMost(Duration.ofSeconds(15))
			.until(() -> issues.read(http().api("GET", "/api/v1/subscribers/" + id + "/personal-data").body()),
					json -> json.get("held").get("deliveries").get(0).get("events").size() > 0);
		assertThat(data.get("profile").get("email").asString()).isEqualTo(address("marie"));
		assertThat(data.get("profile").get("firstName").asString()).isEqualTo("Hélène");
		assertThat(data.get("consent").get("channel").asString()).isEqualTo("API");
		assertThat(data.get("consent").get("proof").asString()).isEqualTo(ConsentRequest.DEFAULT_PROOF);
		assertThat(data.get("lists").get(0).asString()).isEqualTo(this.list);
		JsonNode received = data.get("held").get("deliveries").get(0);
		assertThat(received.get("issueId").asString()).isEqualTo(issueId);
		assertThat(received.get("status").asString()).isEqualTo("SENT");
		assertThat(received.get("email").asString()).isEqualTo(address("marie"));
		assertThat(received.get("events").get(0).get("kind").asString()).isIn("CLICK", "OPEN");
		assertThat(data.get("unsubscribes").get(0).get("channel").asString()).isEqualTo("ADMIN");
		var page = admin.page("/admin/subscribers/" + id + "/personal-data");
		assertThat(page.getElementById("pd-profile").text()).contains(address("marie"));
		assertThat(page.getElementById("pd-deliveries").text()).contains("SENT");
		var json = admin.download("/admin/subscribers/" + id + "/personal-data.json");
		assertThat(json.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));

		var erased = http().api("DELETE", "/api/v1/subscribers/" + id);
		assertThat(erased.statusCode()).isEqualTo(200);
		String hash = issues.read(erased.body()).get("emailHash").asString();
		assertThat(hash).hasSize(64).isEqualTo(this.erasure.hash(EmailAddress.of(address("marie"))));
		assertThat(issues.read(erased.body()).get("by").asString()).isEqualTo("api:" + ADMIN);

		// the subscriber is gone, and nothing anywhere holds her address or her id
		assertThat(this.subscribers.findById(id)).isEmpty();
		assertThat(http().api("GET", "/api/v1/subscribers/" + id + "/personal-data").statusCode()).isEqualTo(404);
		Document entry = this.mongo.findById(deliveryId, Document.class, Delivery.COLLECTION);
		assertThat(entry.toJson()).doesNotContain(address("marie")).doesNotContain(id);
		assertThat(entry.getString("status")).as("kept for the reports").isEqualTo("SENT");
		assertThat(entry.get("bounce", Document.class).getString("diagnostic")).isEqualTo("452 4.2.2 <[adresse effacée]>: boîte pleine");
		assertThat(ledger(issueId).stream().map(Document::toJson)).as("the other recipient is untouched")
			.anySatisfy(other -> assertThat(other).contains(address("autre")));
		List<Document> log = this.mongo.find(Query.query(Criteria.where("emailHash").is(hash)), Document.class, "unsubscribes");
		assertThat(log).singleElement().satisfies(anonymised -> {
			assertThat(anonymised.toJson()).doesNotContain(address("marie")).doesNotContain(id);
			assertThat(anonymised.getString("channel")).isEqualTo("ADMIN");
			assertThat(anonymised.getDate("requestedAt")).isNotNull();
		});
		assertThat(this.erasure.erasuresOf(EmailAddress.of(address("marie")))).singleElement()
			.satisfies(audit -> assertThat(audit.by()).isEqualTo("api:" + ADMIN));
		assertThat(issues.read(http().api("GET", "/api/v1/issues/" + issueId + "/report").body()).get("recipients").asInt())
			.as("the report still counts her").isEqualTo(2);
		assertThat(http().api("DELETE", "/api/v1/subscribers/" + id).statusCode()).isEqualTo(404);

		// she may come back, with a new consent and nothing of her past
		String again = """
				[{"email":"%s","firstName":"Marie","consent":{"type":"EXPRESS","source":"Formulaire du salon",
				  "proof":"Case cochée : « Je veux recevoir l’infolettre »"}}]""".formatted(address("marie"));
		assertThat(issues.read(http().api("POST", "/api/v1/subscribers", again).body()).get("added").asInt()).isEqualTo(1);
		Subscriber back = this.subscribers.findByEmail(EmailAddress.of(address("marie"))).orElseThrow();
		assertThat(back.getId()).isNotEqualTo(id);
		assertThat(back.getConsent().proof()).isEqualTo("Case cochée : « Je veux recevoir l’infolettre »");
		JsonNode fresh = issues.read(http().api("GET", "/api/v1/subscribers/" + back.getId() + "/personal-data").body());
		assertThat(fresh.get("held").get("deliveries")).isEmpty();
		assertThat(fresh.get("unsubscribes")).isEmpty();
	}

	@Test
	void theCoordinatorErasesFromTheSubscribersPage() {
		new TestIssues(http()).draftFor(this.list, List.of(address("ui")));
		String id = this.subscribers.findByEmail(EmailAddress.of(address("ui"))).orElseThrow().getId();
		AdminSession admin = AdminSession.login(this.port);
		var response = admin.submit("/admin/subscribers/" + id, "/admin/subscribers/" + id + "/delete");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(admin.page("/admin/subscribers").getElementById("notice").text()).startsWith("Abonné effacé");
		assertThat(this.subscribers.findById(id)).isEmpty();
		assertThat(this.erasure.erasuresOf(EmailAddress.of(address("ui")))).singleElement()
			.satisfies(audit -> assertThat(audit.by()).isEqualTo(ADMIN));
		assertThat(admin.get("/admin/subscribers/" + id).statusCode()).isEqualTo(404);
	}

	private List<Document> ledger(String issueId) {
		return this.mongo.find(Query.query(Criteria.where("issueId").is(issueId)), Document.class, Delivery.COLLECTION);
	}

	private MimeMessage message(String recipient) {
		for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
			if (recipient.equals(TestMailServer.recipient(message))) {
				return message;
			}
		}
		throw new AssertionError("no message for " + recipient);
	}

	private String firstClick(String recipient) throws Exception {
		var parts = (Multipart) message(recipient).getContent();
		Matcher matcher = CLICK.matcher((String) parts.getBodyPart(0).getContent());
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	private String address(String name) {
		return name + "." + this.list + "@membres.exemple.ca";
	}

}

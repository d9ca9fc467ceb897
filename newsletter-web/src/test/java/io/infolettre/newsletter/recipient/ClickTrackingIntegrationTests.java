package io.infolettre.newsletter.recipient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every link of a sent message leads through a signed click URL to the issue's own link, and the
 * click is counted (and counts as an open); links to the installation and mailto: stay as they are.
 */
class ClickTrackingIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern CLICK = Pattern.compile("https?://[^\"\\s<>]+/c/[a-z2-8]{52}");

	private static final String BODY = """
			## Événements

			Inscrivez-vous au [5 à 7 du parc industriel](https://exemple.ca/evenements?id=12&lieu=Alma), lisez
			[le sondage](https://sondage.exemple.ca/s/2026) et [les avantages](https://exemple.ca/avantages#membres),
			ou écrivez à [la coordination](mailto:coordination@exemple.ca).
			""";

	@Autowired
	private SubscriberManagement subscribers;

	@Autowired
	private IssueManagement issues;

	private final String list = "clic-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aClickRedirectsToTheIssuesOwnLinkAndIsCountedAsAClickAndAnOpen() throws Exception {
		Sent sent = send(List.of(address("lecteur"), address("robot")));
		String html = sent.html(address("lecteur"));

		List<String> clicks = all(CLICK, html);
		assertThat(clicks).as("the body's three links and the footer's website").hasSize(4);
		assertThat(html).doesNotContain("https://exemple.ca/evenements").doesNotContain("sondage.exemple.ca")
			.contains("mailto:coordination@exemple.ca")
			.contains("/u/");
		// another member's message has the same links in the same order: following all of them says where
		var targets = all(CLICK, sent.html(address("robot"))).stream()
			.map(click -> http().getBytes(click).headers().firstValue("Location").orElseThrow())
			.toList();
		assertThat(targets).contains("https://exemple.ca/evenements?id=12&lieu=Alma", "https://sondage.exemple.ca/s/2026",
				"https://exemple.ca/avantages#membres");
		int events = targets.indexOf("https://exemple.ca/evenements?id=12&lieu=Alma");

		var redirect = http().getBytes(clicks.get(events));
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).hasValue("https://exemple.ca/evenements?id=12&lieu=Alma");

		JsonNode report = awaitReport(sent.issueId(), "clickEvents", 5);
		assertThat(report.get("uniqueClicks").asLong()).as("the reader; the robot followed every link at once")
			.isEqualTo(1);
		assertThat(report.get("uniqueOpens").asLong()).as("a click implies an open").isEqualTo(1);
		assertThat(report.get("clickClasses").get("HUMAN").asLong()).isEqualTo(1);
		assertThat(report.get("clickClasses").get("SCANNER").asLong()).isEqualTo(4);
	}

	@Test
	void aMessageWhoseLinksAreAllFollowedAtOnceWasReadByAMachine() throws Exception {
		Sent sent = send(List.of(address("passoire")));

		for (String click : all(CLICK, sent.html(address("passoire")))) {
			assertThat(http().getBytes(click).statusCode()).isEqualTo(302);
		}

		JsonNode report = awaitReport(sent.issueId(), "clickEvents", 4);
		assertThat(report.get("clickClasses").get("SCANNER").asLong()).isEqualTo(4);
		assertThat(report.get("uniqueClicks").asLong()).isZero();
		var page = AdminSession.login(this.port).page("/admin/issues/" + sent.issueId());
		assertThat(page.getElementById("class-SCANNER").text()).contains("Analyseurs de sécurité")
			.contains("tous les liens suivis en une seconde")
			.endsWith("4");
		assertThat(page.getElementById("report-clicks").text()).isEqualTo("0");
		assertThat(report.get("uniqueOpens").asLong()).isZero();
	}

	@Test
	void anAlteredClickTokenLeadsNowhere() throws Exception {
		String click = all(CLICK, send(List.of(address("curieux"))).html(address("curieux"))).get(0);
		String token = click.substring(click.lastIndexOf('/') + 1);

		List<String> altered = new ArrayList<>();
		for (int i = 0; i < token.length(); i++) {
			char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
			altered.add(token.substring(0, i) + replacement + token.substring(i + 1));
		}
		altered.add(token.substring(0, 42));
		altered.add(token + "A");
		for (String forged : altered) {
			var response = http().getBytes("/c/" + forged);
			assertThat(response.statusCode()).as(forged).isEqualTo(404);
			assertThat(response.headers().firstValue("Location")).isEmpty();
		}
		// open redirect attempts: an address never comes from the request
		for (String attempt : List.of("/c/https:%2F%2Fmalveillant.exemple", "/c/" + token + "/..%2F..%2Fmalveillant",
				"/c/%2F%2Fmalveillant.exemple")) {
			var response = http().getBytes(attempt);
			assertThat(response.statusCode()).as(attempt).isIn(400, 404);
			assertThat(response.headers().firstValue("Location")).as(attempt).isEmpty();
		}
		var withParameter = http().getBytes("/c/" + token + "?url=https://malveillant.exemple&to=https://malveillant.exemple");
		assertThat(withParameter.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).startsWith("https://").doesNotContain("malveillant"));
	}

	private Sent send(List<String> members) throws Exception {
		this.subscribers.addAll(members.stream()
			.map(email -> SubscriberFixtures.member(email, "Réal", "Côté", "Usine", this.list))
			.toList());
		Issue issue = this.issues.createDraft("Infolettre – liens", IssueFixtures.infolettre(IssueFixtures.SUBJECT, BODY),
				Audience.list(this.list));
		assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
		new TestIssues(http()).awaitStatus(issue.getId(), "SENT");
		Map<String, String> html = new HashMap<>();
		for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
			if (members.contains(TestMailServer.recipient(message))) {
				var parts = (Multipart) message.getContent();
				String text = (String) parts.getBodyPart(0).getContent();
				assertThat(all(CLICK, text)).as("the text part's links too").hasSize(4);
				html.put(TestMailServer.recipient(message), (String) parts.getBodyPart(1).getContent());
			}
		}
		assertThat(html).hasSize(members.size());
		return new Sent(issue.getId(), html);
	}

	private JsonNode awaitReport(String issueId, String field, long expected) {
		var api = new TestIssues(http());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.read(http().api("GET", "/api/v1/issues/" + issueId + "/report").body()).get(field).asLong(),
					count -> count == expected);
		return api.read(http().api("GET", "/api/v1/issues/" + issueId + "/report").body());
	}

	private String address(String name) {
		return name + "." + this.list + "@membres.exemple.ca";
	}

	private static List<String> all(Pattern pattern, String in) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(in);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private record Sent(String issueId, Map<String, String> byRecipient) {

		String html(String recipient) {
			return this.byRecipient.get(recipient);
		}

	}

}

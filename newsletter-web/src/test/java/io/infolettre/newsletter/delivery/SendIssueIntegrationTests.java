package io.infolettre.newsletter.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path: seed subscribers, send an issue through the Batch job over real SMTP, read what
 * arrived, open the pixel and unsubscribe in one click, and read the report from the API.
 */
class SendIssueIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern PIXEL = Pattern.compile("<img[^>]+src=\"([^\"]+/o/[^\"]+)\"");

	private static final Pattern UNSUBSCRIBE = Pattern.compile("href=\"([^\"]+/u/[^\"]+)\"");

	@Autowired
	SubscriberManagement subscriberManagement;

	@Autowired
	Subscribers subscribers;

	@Autowired
	IssueManagement issues;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String list = "e2e-" + UUID.randomUUID();

	@BeforeEach
	void emptyMailbox() throws Exception {
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

	@Test
	void sendsOnePersonalisedMessagePerActiveRecipientAndReportsOpensAndUnsubscribes() throws Exception {
		var members = List.of(
				SubscriberFixtures.member(address("jerome"), "Jérôme", "Côté", "Usinage Côté & Fils inc.", this.list),
				SubscriberFixtures.member(address("helene"), "Hélène", "Bélanger", "Transport L'Étang–Ouellet ltée",
						this.list),
				SubscriberFixtures.member(address("genevieve"), "Geneviève", "Lévesque", "<b>Érablière</b>", this.list),
				SubscriberFixtures.member(address("parti"), "Parti", "Ailleurs", "Ancien membre", this.list));
		this.subscriberManagement.addAll(members);
		String leaverId = this.subscribers.findByEmail(EmailAddress.of(address("parti"))).orElseThrow().getId();
		this.subscriberManagement.unsubscribe(leaverId, UnsubscribeChannel.ADMIN, null);

		Issue issue = this.issues.createDraft("Infolettre – décembre", IssueFixtures.infolettre(),
				Audience.list(this.list));
		var sent = http().api("POST", "/api/v1/issues/" + issue.getId() + "/send");
		assertThat(sent.statusCode()).isEqualTo(202);
		awaitStatus(issue.getId(), IssueStatus.SENT);

		MimeMessage[] received = TestMailServer.get().getReceivedMessages();
		Map<String, MimeMessage> byRecipient = Arrays.stream(received)
			.collect(Collectors.toMap(TestMailServer::recipient, m -> m));
		assertThat(byRecipient).hasSize(3)
			.containsOnlyKeys(address("jerome"), address("helene"), address("genevieve"));

		MimeMessage toJerome = byRecipient.get(address("jerome"));
		assertThat(toJerome.getSubject())
			.isEqualTo("Jérôme, l'infolettre de décembre : événements, formations et « avantages »");
		assertThat(toJerome.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		assertThat(toJerome.getContentType()).startsWith("multipart/alternative");
		var parts = (Multipart) toJerome.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
		assertThat(parts.getBodyPart(1).getContentType()).containsIgnoringCase("text/html").containsIgnoringCase("utf-8");
		String html = (String) parts.getBodyPart(1).getContent();
		String text = (String) parts.getBodyPart(0).getContent();
		assertThat(text).contains("Bonjour Jérôme").contains("1234, boulevard Talbot");
		assertThat(Jsoup.parse(html).text()).contains("Association des industriels du Saguenay–Lac-Saint-Jean")
			.contains("Saguenay (Québec)");
		assertThat(toJerome.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String[] listUnsubscribe = MimeUtility.unfold(toJerome.getHeader("List-Unsubscribe")[0]).split(",\\s*");
		assertThat(listUnsubscribe[0]).matches("<https?://[^>]+/u/[a-z2-8]{45}>");
		assertThat(listUnsubscribe[1]).as("the mailto: fallback")
			.matches("<mailto:infolettre@exemple\\.ca\\?subject=desabonnement-[a-z2-8]{45}>");

		Set<String> messageIds = Arrays.stream(received).map(SendIssueIntegrationTests::messageId)
			.collect(Collectors.toSet());
		assertThat(messageIds).hasSize(3);

		String helenHtml = htmlOf(byRecipient.get(address("helene")));
		String genevieveHtml = htmlOf(byRecipient.get(address("genevieve")));
		assertThat(genevieveHtml).doesNotContain("<b>Érablière</b>");
		String jeromePixel = find(PIXEL, html);
		String jeromeUnsubscribe = find(UNSUBSCRIBE, html);
		assertThat(jeromePixel).isNotEqualTo(find(PIXEL, helenHtml));
		assertThat(jeromeUnsubscribe).isNotEqualTo(find(UNSUBSCRIBE, helenHtml))
			.isEqualTo(listUnsubscribe[0].replaceAll("[<>]", ""));

		// Jérôme opens twice (one unique open), Hélène once; Hélène unsubscribes in one click.
		assertThat(http().getBytes(jeromePixel).statusCode()).isEqualTo(200);
		assertThat(http().getBytes(jeromePixel).headers().firstValue("Content-Type")).contains("image/gif");
		assertThat(http().getBytes(find(PIXEL, helenHtml)).statusCode()).isEqualTo(200);
		String helenUnsubscribe = find(UNSUBSCRIBE, helenHtml);
		var page = http().get(helenUnsubscribe);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(statusOf(address("helene"))).as("a GET never unsubscribes").isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(http().postForm(helenUnsubscribe, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
		assertThat(statusOf(address("helene"))).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(http().postForm(helenUnsubscribe, "List-Unsubscribe=One-Click").statusCode())
			.as("a second click is harmless").isEqualTo(200);

		// opens are written a moment later, in a batch
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.json
			.readTree(http().api("GET", "/api/v1/issues/" + issue.getId() + "/report").body())
			.get("openEvents")
			.asLong()).isEqualTo(3));
		JsonNode report = this.json.readTree(http().api("GET", "/api/v1/issues/" + issue.getId() + "/report").body());
		assertThat(report.get("recipients").asLong()).isEqualTo(3);
		assertThat(report.get("sent").asLong()).isEqualTo(3);
		assertThat(report.get("failed").asLong()).isZero();
		assertThat(report.get("uniqueOpens").asLong()).isEqualTo(2);
		assertThat(report.get("openClasses").get("HUMAN").asLong()).isEqualTo(3);
		assertThat(report.get("openRate").asDouble()).isEqualTo(2.0 / 3.0);
		assertThat(report.get("unsubscribes").asLong()).isEqualTo(1);

		var again = http().api("POST", "/api/v1/issues/" + issue.getId() + "/send");
		assertThat(again.statusCode()).as("a sent issue is never sent twice").isEqualTo(409);
	}

	private void awaitStatus(String issueId, IssueStatus status) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.issues.get(issueId).getStatus()).isEqualTo(status));
	}

	private SubscriberStatus statusOf(String email) {
		return this.subscribers.findByEmail(EmailAddress.of(email)).orElseThrow().getStatus();
	}

	private String address(String name) {
		return name + "." + this.list.substring(4, 12) + "@membres.exemple.ca";
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("pattern %s in message", pattern).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private static String htmlOf(MimeMessage message) throws Exception {
		return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.infolettre.newsletter.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueSender;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real send of a bilingual issue over SMTP: each member receives the variant of their language
 * (French when they read another one), from the issue's sender, with its reply-to.
 */
class BilingualSendIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	SubscriberManagement subscribers;

	@Autowired
	IssueManagement issues;

	private final String list = "bilingue-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void eachMemberReceivesTheVariantOfTheirLanguageFromTheIssuesSender() throws Exception {
		this.subscribers.addAll(List.of(
				SubscriberFixtures.member(address("josee"), "Josée", "Gagnon", "Forage Gagnon", this.list, "fr"),
				SubscriberFixtures.member(address("john"), "John", "Smith", "Smith Steel", this.list, "en"),
				SubscriberFixtures.member(address("ana"), "Ana", "Pérez", "Aceros", this.list, "es")));
		Issue issue = this.issues.create(new IssueEdit("Bilingue", "infolettre",
				new IssueVariant("Bonjour ${firstName!'membre'}, l'infolettre", "Ce mois-ci", "## Événements\n\nLe 5 à 7 des membres."),
				new IssueVariant("Hello ${firstName!'member'}, the newsletter", "This month", "## Events\n\nThe members' mixer."),
				new IssueSender("Présidence de l'association", "presidence@exemple.ca"), "reponses@exemple.ca", true),
				Audience.list(this.list));

		assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
		new TestIssues(http()).awaitStatus(issue.getId(), "SENT");

		Map<String, MimeMessage> received = await().until(this::received, m -> m.size() == 3);
		MimeMessage john = received.get(address("john"));
		assertThat(john.getSubject()).isEqualTo("Hello John, the newsletter");
		assertThat(html(john)).contains("mixer").doesNotContain("5 à 7");
		MimeMessage josee = received.get(address("josee"));
		assertThat(josee.getSubject()).isEqualTo("Bonjour Josée, l'infolettre");
		assertThat(html(josee)).contains("Le 5 à 7 des membres").doesNotContain("mixer");
		assertThat(received.get(address("ana")).getSubject()).as("no Spanish variant: French")
			.isEqualTo("Bonjour Ana, l'infolettre");
		for (MimeMessage message : received.values()) {
			var from = (InternetAddress) message.getFrom()[0];
			assertThat(from.getAddress()).isEqualTo("presidence@exemple.ca");
			assertThat(from.getPersonal()).isEqualTo("Présidence de l'association");
			assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("reponses@exemple.ca");
			assertThat(message.getHeader("X-Infolettre-Test")).isNull();
		}
		// their pages in their language, even when the browser reads French or the link was cut
		String johnsUnsubscribe = listUnsubscribeUrl(john);
		assertThat(johnsUnsubscribe).endsWith("?lang=en");
		assertThat(html(john)).contains(johnsUnsubscribe);
		assertThat(listUnsubscribeUrl(josee)).doesNotContain("lang=");
		assertThat(pageLanguage(johnsUnsubscribe)).isEqualTo("en");
		String cut = johnsUnsubscribe.replaceFirst("/u/(.{10})[^?]*", "/u/$1");
		assertThat(cut).endsWith("?lang=en").hasSizeLessThan(johnsUnsubscribe.length());
		assertThat(pageLanguage(cut)).isEqualTo("en");
		assertThat(pageLanguage(listUnsubscribeUrl(josee))).isEqualTo("fr");
	}

	private static String listUnsubscribeUrl(MimeMessage message) throws Exception {
		String header = message.getHeader("List-Unsubscribe", ",");
		return header.substring(header.indexOf("<http") + 1, header.indexOf('>', header.indexOf("<http")));
	}

	/** The language of a member's page opened in a browser that reads French. */
	private String pageLanguage(String url) throws Exception {
		String body = http()
			.send(java.net.http.HttpRequest.newBuilder(http().local(url)).header("Accept-Language", "fr-CA,fr;q=0.9"))
			.body();
		return org.jsoup.Jsoup.parse(body).select("html").attr("lang");
	}

	private Map<String, MimeMessage> received() {
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).endsWith("@" + this.list + ".exemple.ca"))
			.collect(Collectors.toMap(TestMailServer::recipient, Function.identity(), (a, b) -> a));
	}

	private static String html(MimeMessage message) throws Exception {
		var multipart = (jakarta.mail.Multipart) message.getContent();
		return (String) multipart.getBodyPart(1).getContent();
	}

	private String address(String name) {
		return name + "@" + this.list + ".exemple.ca";
	}

}

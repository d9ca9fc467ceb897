package io.infolettre.newsletter.recipient;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingLinks;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "View in browser" shows a message as its recipient received it, and the public archive shows
 * sent issues to anybody without a trace of any recipient; a bad token or slug is a plain 404.
 */
class ViewAndArchiveIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	SubscriberManagement subscribers;

	@Autowired
	IssueManagement issues;

	@Autowired
	Deliveries deliveries;

	@Autowired
	TrackingLinks links;

	@Autowired
	TrackingTokens tokens;

	private final String list = "archive-" + UUID.randomUUID().toString().substring(0, 8);

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private Issue sent;

	@BeforeEach
	void sendABilingualIssue() {
		this.subscribers.addAll(List.of(
				SubscriberFixtures.member(address("gaetan"), "Gaëtan", "Tremblay", "Soudure Tremblay", this.list, "fr"),
				SubscriberFixtures.member(address("mary"), "Mary", "O'Neil", "O'Neil Robotics", this.list, "en")));
		this.sent = send(true);
	}

	private Issue send(boolean archived) {
		Issue issue = this.issues.create(new IssueEdit("Archives " + this.tag, "infolettre",
				new IssueVariant("Nouvelles " + this.tag + " pour ${firstName!'vous'}", "", "Bonjour ${firstName!'membre'} de ${company!'l’association'}. Texte français."),
				new IssueVariant("News " + this.tag + " for ${firstName!'you'}", "", "Dear ${firstName!'member'}. English text."),
				null, null, archived), Audience.list(this.list));
		assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
		new TestIssues(http()).awaitStatus(issue.getId(), "SENT");
		return issue;
	}

	@Test
	void viewInBrowserShowsTheMessageAsItsRecipientReceivedItWithoutTracking() {
		var mary = this.deliveries.list(this.sent.getId(), Set.of(), 0, 10)
			.stream()
			.filter(d -> d.getEmail().equals(address("mary")))
			.findFirst()
			.orElseThrow();

		var page = http().get(this.links.viewInBrowserUrl(mary.getId(), "fr"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");
		var html = Jsoup.parse(page.body());
		assertThat(html.text()).contains("Dear Mary", "English text").doesNotContain("Texte français", "Gaëtan");
		assertThat(html.select("img[src*=/o/]")).as("no open pixel").isEmpty();
		assertThat(html.select("a[href*=/c/]")).as("no tracked link").isEmpty();
		assertThat(html.select("a[href*=/u/]")).as("her own unsubscribe link").isNotEmpty();
	}

	@Test
	void aBadTokenIsAPlain404() {
		var mary = this.deliveries.list(this.sent.getId(), Set.of(), 0, 10).get(0);

		assertThat(http().get("/v/pas-un-jeton").statusCode()).isEqualTo(404);
		assertThat(http().get("/v/" + this.tokens.issue(TokenPurpose.PREFERENCES, mary.getId())).statusCode())
			.as("a token for another purpose").isEqualTo(404);
		assertThat(http().get("/archive/pas-un-jeton").statusCode()).isEqualTo(404);
		assertThat(http().get("/archive/" + this.tokens.issue(TokenPurpose.VIEW, mary.getId())).statusCode())
			.isEqualTo(404);
	}

	@Test
	void theArchiveListsSentIssuesPerLanguageWithoutAnyRecipientsData() {
		Issue hidden = send(false);

		var french = http().get("/archive");
		assertThat(french.statusCode()).isEqualTo(200);
		var list = Jsoup.parse(french.body());
		assertThat(list.select("#archive-list a").eachText()).contains("Nouvelles " + this.tag + " pour vous");
		assertThat(french.body()).as("the issue left out of the archive is not listed")
			.doesNotContain(this.links.archiveSlug(hidden.getId()));

		var english = Jsoup.parse(http().get("/archive?lang=en").body());
		assertThat(english.select("#archive-list a").eachText()).contains("News " + this.tag + " for you");

		String link = list.select("#archive-list a:contains(" + this.tag + ")").attr("href");
		var issue = http().get(link);
		assertThat(issue.statusCode()).isEqualTo(200);
		String text = Jsoup.parse(issue.body()).text();
		assertThat(text).contains("Bonjour membre de l’association", "Texte français");
		for (String personal : List.of("Gaëtan", "Tremblay", "Soudure", "Mary", "O'Neil", "O&#39;Neil", address("gaetan"),
				address("mary"), this.list)) {
			assertThat(issue.body()).as("no personal data in the archive").doesNotContain(personal);
			assertThat(french.body()).doesNotContain(personal);
		}
		var html = Jsoup.parse(issue.body());
		assertThat(html.select("img[src*=/o/]")).isEmpty();
		assertThat(html.select("a[href*=/c/], a[href*=/u/], a[href*=/p/]")).as("nobody's links").isEmpty();

		assertThat(http().get("/archive/" + this.links.archiveSlug(hidden.getId())).statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(http().get(link.replace("lang=fr", "lang=en")).body()).text()).contains("Dear member");
	}

	private String address(String name) {
		return name + "@" + this.list + ".exemple.ca";
	}

}

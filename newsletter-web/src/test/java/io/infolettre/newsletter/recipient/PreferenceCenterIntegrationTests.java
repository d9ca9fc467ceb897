package io.infolettre.newsletter.recipient;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preference center every message links to: reached through its signed token, without an
 * account; a member leaves a list, changes language, refuses tracking (their next message has no
 * pixel and no tracked link), or unsubscribes from everything.
 */
class PreferenceCenterIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern PREFERENCES = Pattern.compile("href=\"(https?://[^\"]+/p/[a-z2-8]{45})\"");

	@Autowired
	private SubscriberManagement subscribers;

	@Autowired
	private Subscribers directory;

	@Autowired
	private IssueManagement issues;

	private final String list = "pref-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aMemberLeavesAListChangesLanguageAndRefusesTrackingForTheNextMessage() throws Exception {
		String email = "marie." + this.list + "@membres.exemple.ca";
		this.subscribers.addAll(List.of(SubscriberFixtures.member(email, "Marie", "Tremblay", "Usine", this.list)
			.addToList(this.list + "-formations")));
		String html = send(email);
		assertThat(html).contains("image de suivi");
		String page = path(find(PREFERENCES, html));

		var visitor = AdminSession.visitor(this.port);
		Document shown = visitor.page(page);
		assertThat(shown.text()).contains("m•••" + email.charAt(email.indexOf('@') - 1) + "@membres.exemple.ca")
			.doesNotContain(email)
			.contains(this.list + "-formations");
		assertThat(visitor.submit(page, page, "lists", this.list, "language", "en", "trackingRefused", "true")
			.statusCode()).isEqualTo(200);

		Subscriber changed = this.directory.findByEmail(EmailAddress.of(email)).orElseThrow();
		assertThat(changed.getLists()).containsExactly(this.list);
		assertThat(changed.getLanguage()).isEqualTo("en");
		assertThat(changed.isTrackingRefused()).isTrue();

		String next = send(email);
		assertThat(next).doesNotContain("/o/").doesNotContain("/c/").contains("aucun suivi");
	}

	@Test
	void unsubscribingFromEverythingIsEffectiveAtOnceAndTheTokenOfAnotherPurposeIsRefused() throws Exception {
		String email = "paul." + this.list + "@membres.exemple.ca";
		this.subscribers.addAll(List.of(SubscriberFixtures.member(email, "Paul", "Gagnon", "Usine", this.list)));
		String page = path(find(PREFERENCES, send(email)));
		var visitor = AdminSession.visitor(this.port);

		assertThat(visitor.submit(page, page + "/unsubscribe").statusCode()).isEqualTo(200);

		assertThat(this.directory.findByEmail(EmailAddress.of(email)).orElseThrow().getStatus())
			.isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(visitor.page(page).getElementById("preferences-unsubscribed")).isNotNull();
		String token = page.substring(page.lastIndexOf('/') + 1);
		assertThat(http().get("/u/" + token).statusCode()).as("a preferences token is no unsubscribe token")
			.isEqualTo(404);
		assertThat(http().postForm(page, "language=en").statusCode()).as("a form post needs its CSRF token")
			.isEqualTo(403);
	}

	private String send(String email) throws Exception {
		TestMailServer.get().purgeEmailFromAllMailboxes();
		Issue issue = this.issues.createDraft("Infolettre – préférences", IssueFixtures.infolettre(), Audience.list(this.list));
		assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
		new TestIssues(http()).awaitStatus(issue.getId(), "SENT");
		MimeMessage message = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> email.equals(TestMailServer.recipient(m)))
			.findFirst()
			.orElseThrow();
		return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
	}

	private static String path(String url) {
		return url.replaceFirst("https?://[^/]+", "");
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

}

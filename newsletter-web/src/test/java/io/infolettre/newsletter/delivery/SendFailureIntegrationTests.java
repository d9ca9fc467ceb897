package io.infolettre.newsletter.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.NewsletterIntegrationTest;
import io.infolettre.newsletter.support.SwitchableRelay;
import io.infolettre.newsletter.support.TestHttp;
import io.infolettre.newsletter.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input and a relay in trouble: each gives a clear message and nothing is marked sent that
 * was not sent; a send the engine paused resumes and everyone receives the issue exactly once.
 */
@NewsletterIntegrationTest
class SendFailureIntegrationTests {

	private static final SwitchableRelay RELAY = relay();

	private static final Path DATA_DIR = AbstractIntegrationTests.createDataDir();

	@DynamicPropertySource
	static void relayInFrontOfTheMailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", RELAY::port);
		registry.add("newsletter.data-dir", DATA_DIR::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	SubscriberManagement subscriberManagement;

	@Autowired
	IssueManagement issues;

	@Autowired
	Deliveries deliveries;

	private final String list = "fail-" + UUID.randomUUID();

	@BeforeEach
	void reset() throws Exception {
		RELAY.up();
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

	@Test
	void relayDownPausesTheSendWithAClearReasonAndResumingDeliversEveryoneOnce() {
		int members = 250;
		this.subscriberManagement.addAll(IntStream.range(0, members)
			.mapToObj(i -> SubscriberFixtures.member(address(i), "Membre" + i, "Test", "Entreprise " + i, this.list))
			.toList());
		Issue issue = this.issues.createDraft("Relais en panne", IssueFixtures.infolettre(), Audience.list(this.list));

		RELAY.down();
		assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
		awaitStatus(issue.getId(), IssueStatus.PAUSED);

		Issue paused = this.issues.get(issue.getId());
		assertThat(paused.getPauseReason()).contains("Pause automatique").contains("SMTP").contains("421");
		var progress = this.deliveries.progress(issue.getId());
		assertThat(progress.total()).isEqualTo(members);
		assertThat(progress.sent()).isZero();
		assertThat(progress.pending()).as("nobody lost, nobody marked sent").isEqualTo(members);
		assertThat(TestMailServer.get().getReceivedMessages()).isEmpty();

		RELAY.up();
		assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/resume").statusCode()).isEqualTo(202);
		awaitStatus(issue.getId(), IssueStatus.SENT);

		assertThat(this.deliveries.progress(issue.getId()).sent()).isEqualTo(members);
		List<String> recipients = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.map(TestMailServer::recipient)
			.toList();
		assertThat(recipients).hasSize(members).doesNotHaveDuplicates();
	}

	@Test
	void templateSyntaxErrorIsRefusedBeforeAnythingIsSent() {
		this.subscriberManagement.addAll(List.of(SubscriberFixtures.member(address(1), "A", "B", "C", this.list)));
		Issue issue = this.issues.createDraft("Gabarit cassé",
				IssueFixtures.infolettre("Objet", "Premier paragraphe\n\nBonjour ${firstName"), Audience.list(this.list));

		var response = http().api("POST", "/api/v1/issues/" + issue.getId() + "/send");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("ligne 3").contains("colonne");
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.DRAFT);
		assertThat(this.deliveries.progress(issue.getId()).total()).isZero();
	}

	@Test
	void issueWithNoRecipientsIsRefused() {
		Issue issue = this.issues.createDraft("Personne", IssueFixtures.infolettre(), Audience.list("liste-vide-" + this.list));

		var response = http().api("POST", "/api/v1/issues/" + issue.getId() + "/send");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Aucun destinataire");
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.DRAFT);
	}

	@Test
	void unknownIssueIsANotFoundProblem() {
		assertThat(http().api("POST", "/api/v1/issues/inconnu/send").statusCode()).isEqualTo(404);
		assertThat(http().api("GET", "/api/v1/issues/inconnu/report").statusCode()).isEqualTo(404);
	}

	private TestHttp http() {
		return new TestHttp(this.port);
	}

	private void awaitStatus(String issueId, IssueStatus status) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.issues.get(issueId).getStatus()).isEqualTo(status));
	}

	private String address(int i) {
		return "membre" + i + "." + this.list.substring(5, 13) + "@relais.exemple.ca";
	}

	private static SwitchableRelay relay() {
		try {
			return new SwitchableRelay(TestMailServer.port());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

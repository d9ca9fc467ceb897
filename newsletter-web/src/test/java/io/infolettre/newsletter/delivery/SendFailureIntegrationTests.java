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
import io.infolettre.newsletter.support.LoggedEvents;
import io.infolettre.newsletter.support.NewsletterIntegrationTest;
import io.infolettre.newsletter.support.SwitchableRelay;
import io.infolettre.newsletter.support.TestHttp;
import io.infolettre.newsletter.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input and a relay in trouble: each gives a clear message and nothing is marked sent that
 * was not sent; a send the engine paused resumes and everyone receives the issue exactly once. (A
 * send paused for the relay also resumes by itself: here it would only do so after an hour, so that
 * the coordinator resumes it first; see RelayRecoveryIntegrationTests.)
 */
@NewsletterIntegrationTest
class SendFailureIntegrationTests {

	private static final SwitchableRelay RELAY = relay();

	private static final Path DATA_DIR = AbstractIntegrationTests.createDataDir();

	@DynamicPropertySource
	static void relayInFrontOfTheMailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", RELAY::port);
		registry.add("newsletter.data-dir", DATA_DIR::toString);
		registry.add("newsletter.delivery.relay-recovery.first-wait", () -> "1h");
	}

	@LocalServerPort
	int port;

	@Autowired
	SubscriberManagement subscriberManagement;

	@Autowired
	IssueManagement issues;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JobRepository jobRepository;

	private final String list = "fail-" + UUID.randomUUID();

	@BeforeEach
	void reset() throws Exception {
		RELAY.up();
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

	@Test
	void relayDownPausesTheSendWithAClearReasonAndResumingDeliversEveryoneOnce() {
		try (var logs = LoggedEvents.record()) {
			relayDownPausesTheSendAndResumingDeliversEveryoneOnce();
			assertThat(logs.errorsAndStackTraces()).as("a pause and a resume are no errors").isEmpty();
		}
	}

	@Test
	void aPauseMidSendStopsTheRunWithoutAnErrorAndTheResumeDeliversEveryoneOnce() {
		Issue issue = draftFor(400, "Pause en cours d'envoi");
		try (var logs = LoggedEvents.record()) {
			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60)).until(() -> this.deliveries.progress(issue.getId()).sent() >= 30);
			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/pause").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> lastRunOf(issue) != null && !lastRunOf(issue).isRunning());
			assertThat(lastRunOf(issue).getStatus()).as("a stop, not a failure").isEqualTo(BatchStatus.STOPPED);
			assertThat(this.deliveries.progress(issue.getId()).sent()).isLessThan(400);

			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/resume").statusCode()).isEqualTo(202);
			awaitStatus(issue.getId(), IssueStatus.SENT);

			assertThat(logs.errorsAndStackTraces()).as("a pause and a resume are no errors").isEmpty();
		}
		assertEveryoneReceivedItOnce(issue, 400);
	}

	@Test
	void aPauseUndoneBeforeTheSendNoticedItStillEndsSentWithEveryoneOnce() {
		Issue issue = draftFor(400, "Pause aussitôt reprise");
		try (var logs = LoggedEvents.record()) {
			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60)).until(() -> this.deliveries.progress(issue.getId()).sent() >= 30);
			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/pause").statusCode()).isEqualTo(200);
			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/resume").statusCode()).isEqualTo(202);
			awaitStatus(issue.getId(), IssueStatus.SENT);

			assertThat(logs.errorsAndStackTraces()).isEmpty();
		}
		assertEveryoneReceivedItOnce(issue, 400);
	}

	private Issue draftFor(int members, String title) {
		this.subscriberManagement.addAll(IntStream.range(0, members)
			.mapToObj(i -> SubscriberFixtures.member(address(i), "Membre" + i, "Test", "Entreprise " + i, this.list))
			.toList());
		return this.issues.createDraft(title, IssueFixtures.infolettre(), Audience.list(this.list));
	}

	private void assertEveryoneReceivedItOnce(Issue issue, int members) {
		assertThat(this.deliveries.progress(issue.getId()).sent()).isEqualTo(members);
		List<String> recipients = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.map(TestMailServer::recipient)
			.toList();
		assertThat(recipients).hasSize(members).doesNotHaveDuplicates();
	}

	// the send job's last run for the issue's first round
	private JobExecution lastRunOf(Issue issue) {
		return this.jobRepository.getLastJobExecution("sendIssueJob",
				new JobParametersBuilder().addString("issueId", issue.getId()).addLong("round", 0L).toJobParameters());
	}

	private void relayDownPausesTheSendAndResumingDeliversEveryoneOnce() {
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

package io.infolettre.newsletter.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.infolettre.newsletter.fixtures.FaultySmtpServer;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SmtpFaults.Share;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.NewsletterIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole engine against a real SMTP server that misbehaves on cue: temporary refusals, hang-ups,
 * connections cut mid-DATA, refused addresses, a slow server, and a coordinator who pauses, resumes
 * or cancels mid-send. Whatever happens, every recipient ends SENT exactly once (as the server counts
 * it) or FAILED_PERMANENT, and the ledger agrees with what the server accepted.
 */
@NewsletterIntegrationTest
class FaultInjectionIntegrationTests {

	private static final FaultySmtpServer SMTP = server();

	private static final Path DATA_DIR = AbstractIntegrationTests.createDataDir();

	@DynamicPropertySource
	static void faultySmtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::port);
		registry.add("newsletter.data-dir", DATA_DIR::toString);
		registry.add("newsletter.delivery.retry.attempts", () -> "8");
	}

	@Autowired
	SubscriberManagement subscriberManagement;

	@Autowired
	Subscribers subscribers;

	@Autowired
	IssueManagement issues;

	@Autowired
	IssueSending sending;

	@Autowired
	Deliveries deliveries;

	@Autowired
	DeliverySettings settings;

	private final String list = "faults-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void reset() {
		SMTP.reset();
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		SMTP.close();
	}

	@Test
	void everyRecipientIsSentExactlyOnceOrRefusedForGoodWhateverTheServerDoes() {
		int members = 300;
		List<String> refused = List.of(address(17), address(18), address(150), address(299));
		SMTP.faults()
			.refuseRecipients(refused.toArray(String[]::new))
			.defer(Share.everyNth(7))
			.deferAndClose(Share.everyNth(31))
			.dropMidData(Share.everyNth(43))
			.dataReplyDelay(Duration.ofMillis(1));
		Issue issue = draftFor(members);

		this.sending.sendNow(issue.getId());
		awaitStatus(issue, IssueStatus.SENT);

		var progress = this.deliveries.progress(issue.getId());
		assertThat(progress.total()).isEqualTo(members);
		assertThat(progress.sent()).isEqualTo(members - refused.size()).isEqualTo(SMTP.acceptedCount());
		assertThat(progress.failedPermanent()).isEqualTo(refused.size());
		assertThat(progress.failedTemporary() + progress.pending() + progress.sending() + progress.uncertain()).isZero();
		assertThat(SMTP.acceptedPerRecipient()).hasSize(members - refused.size()).allSatisfy((to, count) -> {
			assertThat(count).as("accepted for %s", to).isEqualTo(1);
			assertThat(refused).doesNotContain(to);
		});
		assertThat(SMTP.rejectedCount()).as("the faults did happen").isGreaterThan(40);
		assertThat(SMTP.droppedCount()).isGreaterThan(3);
		refused.forEach(address -> assertThat(statusOf(address)).isEqualTo(SubscriberStatus.BOUNCED));
		assertThat(statusOf(address(19))).isEqualTo(SubscriberStatus.ACTIVE);
		var failures = this.deliveries.list(issue.getId(), Set.of(DeliveryStatus.FAILED_PERMANENT), 0, 10);
		assertThat(failures).extracting(Delivery::getError).allSatisfy(error -> assertThat(error).contains("550"));
	}

	@Test
	void aServerThatDropsEveryConnectionBetweenMessagesStillGetsEveryoneOnce() {
		int members = 120;
		Issue issue = draftFor(members);
		SMTP.faults().dataReplyDelay(Duration.ofMillis(5));

		this.sending.sendNow(issue.getId());
		for (int i = 1; i <= 5; i++) {
			int reached = 15 * i;
			await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.acceptedCount() >= reached);
			SMTP.closeConnections();
		}
		awaitStatus(issue, IssueStatus.SENT);

		// A connection cut after the message and before the relay's reply leaves it unknown whether the
		// relay took it: it is sent again, and the ledger marks it as a possible duplicate.
		assertThat(this.deliveries.progress(issue.getId()).sent()).isEqualTo(members);
		assertThat(SMTP.acceptedPerRecipient()).hasSize(members);
		var sent = this.deliveries.list(issue.getId(), Set.of(DeliveryStatus.SENT), 0, members);
		SMTP.acceptedPerRecipient().forEach((to, count) -> {
			if (count > 1) {
				assertThat(sent).filteredOn(delivery -> delivery.getEmail().equals(to))
					.singleElement()
					.matches(Delivery::isPossibleDuplicate, "marked as a possible duplicate");
			}
		});
		assertThat(SMTP.acceptedCount() - members).as("duplicates: one per connection cut at most")
			.isLessThanOrEqualTo(5 * this.settings.connections());
	}

	@Test
	void pauseAndResumeMidSendKeepTheLedgerExactAndSendEveryoneOnce() {
		int members = 400;
		SMTP.faults().dataReplyDelay(Duration.ofMillis(8));
		Issue issue = draftFor(members);

		this.sending.sendNow(issue.getId());
		await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.acceptedCount() >= 60);
		this.sending.pause(issue.getId());
		awaitJobStopped(issue);

		var paused = this.deliveries.progress(issue.getId());
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.PAUSED);
		assertThat(paused.sent()).as("what the server accepted, no more, no less").isEqualTo(SMTP.acceptedCount());
		assertThat(paused.sent()).isLessThan(members);
		assertThat(paused.pending()).isEqualTo(members - paused.sent());
		assertThat(paused.sending()).isZero();
		sleep(300);
		assertThat(SMTP.acceptedCount()).as("nothing leaves while paused").isEqualTo(paused.sent());

		this.sending.resume(issue.getId());
		awaitStatus(issue, IssueStatus.SENT);

		assertThat(this.deliveries.progress(issue.getId()).sent()).isEqualTo(members).isEqualTo(SMTP.acceptedCount());
		assertThat(SMTP.acceptedPerRecipient()).hasSize(members).allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void aCancelMidSendStopsTheSendAndSkipsOnlyThoseNotReached() {
		int members = 400;
		SMTP.faults().dataReplyDelay(Duration.ofMillis(8));
		Issue issue = draftFor(members);

		this.sending.sendNow(issue.getId());
		await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.acceptedCount() >= 60);
		this.sending.cancel(issue.getId());
		awaitJobStopped(issue);

		var progress = this.deliveries.progress(issue.getId());
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.CANCELLED);
		assertThat(progress.sent()).isEqualTo(SMTP.acceptedCount()).isLessThan(members);
		assertThat(progress.skipped()).isEqualTo(members - progress.sent());
		assertThat(progress.pending() + progress.sending()).isZero();
		assertThat(this.deliveries.list(issue.getId(), Set.of(DeliveryStatus.SKIPPED), 0, 5))
			.extracting(Delivery::getError)
			.containsOnly("Envoi annulé");
		assertThat(SMTP.acceptedPerRecipient()).allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
	}

	private Issue draftFor(int members) {
		this.subscriberManagement.addAll(IntStream.range(0, members)
			.mapToObj(i -> SubscriberFixtures.member(address(i), "Membre" + i, "Éprouvé", "Entreprise " + i, this.list))
			.toList());
		return this.issues.createDraft("Serveur capricieux", IssueFixtures.infolettre(), Audience.list(this.list));
	}

	private void awaitStatus(Issue issue, IssueStatus status) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(status));
	}

	// The send has wound down when the counters were recomputed from the ledger: nothing left SENDING
	// and the head agrees with a second look a moment later.
	private void awaitJobStopped(Issue issue) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			long before = SMTP.acceptedCount();
			sleep(200);
			return SMTP.acceptedCount() == before
					&& this.deliveries.progress(issue.getId()).sent() == SMTP.acceptedCount();
		});
	}

	private SubscriberStatus statusOf(String address) {
		return this.subscribers.findByEmail(EmailAddress.of(address)).orElseThrow().getStatus();
	}

	private String address(int i) {
		return "membre" + i + "." + this.list.substring(7) + "@capricieux.exemple.ca";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static FaultySmtpServer server() {
		try {
			return new FaultySmtpServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

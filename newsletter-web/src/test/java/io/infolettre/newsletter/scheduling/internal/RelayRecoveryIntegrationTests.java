package io.infolettre.newsletter.scheduling.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.PauseCause;
import io.infolettre.newsletter.issue.SendHistoryEntry;
import io.infolettre.newsletter.issue.SendHistoryEntry.Kind;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.LoggedEvents;
import io.infolettre.newsletter.support.NewsletterIntegrationTest;
import io.infolettre.newsletter.support.SwitchableRelay;
import io.infolettre.newsletter.support.TestHttp;
import io.infolettre.newsletter.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real relay that goes away and comes back. The send pauses itself, tries the relay again (with
 * waits of a few hundred milliseconds here; half a minute growing to a quarter of an hour by
 * default), resumes by itself once the relay answers, and everyone receives the issue once; the
 * issue's history says so, and the log holds no error. A person's pause or cancel meanwhile stands;
 * the waiting survives the loss of the in-memory triggers (a restart); a relay out for a whole day
 * leaves the send for a person.
 */
@NewsletterIntegrationTest
@TestPropertySource(properties = "newsletter.scheduling.sync-interval=1h")
@Import(RelayRecoveryIntegrationTests.MovableTime.class)
class RelayRecoveryIntegrationTests {

	private static final SwitchableRelay RELAY = relay();

	private static final Path DATA_DIR = AbstractIntegrationTests.createDataDir();

	@DynamicPropertySource
	static void relayInFrontOfTheMailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", RELAY::port);
		registry.add("newsletter.data-dir", DATA_DIR::toString);
		registry.add("newsletter.delivery.relay-recovery.first-wait", () -> "300ms");
		registry.add("newsletter.delivery.relay-recovery.longest-wait", () -> "1s");
	}

	@LocalServerPort
	int port;

	@Autowired
	SubscriberManagement subscribers;

	@Autowired
	IssueManagement issues;

	@Autowired
	IssueSending sending;

	@Autowired
	Deliveries deliveries;

	@Autowired
	MovableClock clock;

	@Autowired
	QuartzSendTrigger trigger;

	@Autowired
	SchedulesFromDatabase schedules;

	private final String list = "relais-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void relayUp() throws Exception {
		RELAY.up();
		TestMailServer.get().purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void timeBackToNow() {
		this.clock.reset();
	}

	@Test
	void aSendPausedByARelayOutageResumesByItselfWhenTheRelayAnswersAndEveryoneGetsItOnce() {
		int members = 120;
		Issue issue = draftFor(members);
		try (var logs = LoggedEvents.record()) {
			RELAY.down();
			assertThat(http().api("POST", "/api/v1/issues/" + issue.getId() + "/send").statusCode()).isEqualTo(202);
			awaitPausedBy(issue, PauseCause.RELAY_UNAVAILABLE);
			assertThat(this.deliveries.progress(issue.getId()).pending()).as("nobody lost").isEqualTo(members);

			// tried again while the relay is still down: it stays paused, and waits longer
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.issues.get(issue.getId()).getRelayOutage().probes() >= 2);
			Issue stillPaused = this.issues.get(issue.getId());
			assertThat(stillPaused.getStatus()).isEqualTo(IssueStatus.PAUSED);
			assertThat(stillPaused.getPauseReason()).contains("Pause automatique").contains("SMTP").contains("421");
			assertThat(TestMailServer.receivedPerRecipient(this.list)).isEmpty();
			// the issue page says it waits for the relay, keeps looking, and offers to hold it instead
			var page = AdminSession.login(this.port).page("/admin/issues/" + issue.getId());
			assertThat(page.getElementById("relay-retry-at").text()).startsWith("Le serveur SMTP sera essayé de nouveau le");
			assertThat(page.getElementById("live").attr("hx-get")).endsWith("/progress?paused=true");
			assertThat(page.getElementById("pause")).isNotNull();

			RELAY.up();
			awaitStatus(issue, IssueStatus.SENT);

			assertThat(logs.errorsAndStackTraces()).as("a pause and a resume are no errors").isEmpty();
		}
		assertThat(this.deliveries.progress(issue.getId()).sent()).isEqualTo(members);
		assertThat(TestMailServer.receivedPerRecipient(this.list)).hasSize(members)
			.allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));

		Issue sent = this.issues.get(issue.getId());
		assertThat(sent.getSendHistory()).extracting(SendHistoryEntry::kind)
			.containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.RESUMED_AUTOMATICALLY);
		assertThat(sent.getSendHistory().get(0).detail()).contains("Serveur SMTP injoignable");
		assertThat(sent.getSendHistory().get(1).detail()).isEqualTo("le serveur SMTP répond de nouveau");
		assertThat(sent.getRelayOutage()).isNull();
		var history = AdminSession.login(this.port).page("/admin/issues/" + issue.getId()).getElementById("send-history");
		assertThat(history).isNotNull();
		assertThat(history.text()).contains("Historique de l'envoi")
			.contains("Pause automatique : Serveur SMTP injoignable")
			.contains("Reprise automatique : le serveur SMTP répond de nouveau");
	}

	@Test
	void aPersonsPauseOrCancelDuringTheOutageStandsWhenTheRelayComesBack() {
		Issue held = draftFor(20);
		Issue cancelled = draftFor(20, this.list + "-annule");
		RELAY.down();
		this.sending.sendNow(held.getId());
		this.sending.sendNow(cancelled.getId());
		awaitPausedBy(held, PauseCause.RELAY_UNAVAILABLE);
		awaitPausedBy(cancelled, PauseCause.RELAY_UNAVAILABLE);

		this.sending.pause(held.getId());
		this.sending.cancel(cancelled.getId());
		RELAY.up();

		// longer than several tries of the relay would take: nothing moves
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
			Issue h = this.issues.get(held.getId());
			return h.getStatus() == IssueStatus.PAUSED && h.getPauseCause() == PauseCause.COORDINATION
					&& this.issues.get(cancelled.getId()).getStatus() == IssueStatus.CANCELLED;
		});
		assertThat(TestMailServer.receivedPerRecipient(this.list)).isEmpty();
		assertThat(this.issues.get(held.getId()).getSendHistory()).extracting(SendHistoryEntry::kind)
			.containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.PAUSED);

		this.sending.resume(held.getId());
		awaitStatus(held, IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient(this.list)).hasSize(20)
			.allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
		assertThat(this.issues.get(held.getId()).getSendHistory()).extracting(SendHistoryEntry::kind)
			.containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.PAUSED, Kind.RESUMED);
	}

	@Test
	void theWaitForTheRelayLivesInTheDatabaseAndSurvivesTheLossOfTheTriggersAtARestart() {
		Issue issue = draftFor(15);
		RELAY.down();
		this.sending.sendNow(issue.getId());
		awaitPausedBy(issue, PauseCause.RELAY_UNAVAILABLE);

		// a restart: Quartz's triggers live in memory and are gone, the issue in MongoDB remains
		this.trigger.cancel(issue.getId());
		RELAY.up();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> this.issues.get(issue.getId()).getStatus() == IssueStatus.PAUSED);
		this.schedules.synchronize();

		awaitStatus(issue, IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient(this.list)).hasSize(15)
			.allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
		assertThat(this.issues.get(issue.getId()).getSendHistory()).extracting(SendHistoryEntry::kind)
			.containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.RESUMED_AUTOMATICALLY);
	}

	@Test
	void aRelayThatTakesNothingForADayLeavesTheSendPausedForAPerson() {
		Issue issue = draftFor(10);
		RELAY.down();
		this.sending.sendNow(issue.getId());
		awaitPausedBy(issue, PauseCause.RELAY_UNAVAILABLE);

		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		awaitPausedBy(issue, PauseCause.ENGINE);

		Issue given = this.issues.get(issue.getId());
		assertThat(given.getResumeAt()).isNull();
		assertThat(given.getPauseReason()).startsWith("Reprise automatique abandonnée : ")
			.contains("n'a rien accepté depuis 24 h");
		assertThat(given.getSendHistory()).extracting(SendHistoryEntry::kind)
			.containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.AUTOMATIC_RESUME_ABANDONED);
		RELAY.up();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> this.issues.get(issue.getId()).getStatus() == IssueStatus.PAUSED);
		assertThat(TestMailServer.receivedPerRecipient(this.list)).isEmpty();

		this.sending.resume(issue.getId());
		awaitStatus(issue, IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient(this.list)).hasSize(10);
	}

	private Issue draftFor(int members) {
		return draftFor(members, this.list);
	}

	private Issue draftFor(int members, String list) {
		this.subscribers.addAll(IntStream.range(0, members)
			.mapToObj(i -> SubscriberFixtures.member(list + "-" + i + "@relais.exemple.ca", "Membre" + i, "Test",
					"Entreprise " + i, list))
			.toList());
		return this.issues.createDraft("Relais capricieux", IssueFixtures.infolettre(), Audience.list(list));
	}

	private void awaitPausedBy(Issue issue, PauseCause cause) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			Issue now = this.issues.get(issue.getId());
			assertThat(now.getStatus()).isEqualTo(IssueStatus.PAUSED);
			assertThat(now.getPauseCause()).isEqualTo(cause);
		});
	}

	private void awaitStatus(Issue issue, IssueStatus status) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(status));
	}

	private TestHttp http() {
		return new TestHttp(this.port);
	}

	private static SwitchableRelay relay() {
		try {
			return new SwitchableRelay(TestMailServer.port());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The system's time, which a test can move forward. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Duration> ahead;

		private final ZoneId zone;

		MovableClock() {
			this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
		}

		private MovableClock(AtomicReference<Duration> ahead, ZoneId zone) {
			this.ahead = ahead;
			this.zone = zone;
		}

		void advance(Duration duration) {
			this.ahead.updateAndGet(d -> d.plus(duration));
		}

		void reset() {
			this.ahead.set(Duration.ZERO);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.ahead.get());
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MovableClock(this.ahead, zone);
		}

	}

	@TestConfiguration
	static class MovableTime {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}

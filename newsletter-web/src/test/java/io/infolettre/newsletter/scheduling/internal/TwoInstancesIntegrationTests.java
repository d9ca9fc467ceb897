package io.infolettre.newsletter.scheduling.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import io.infolettre.newsletter.NewsletterApplication;
import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.PauseCause;
import io.infolettre.newsletter.issue.SendHistoryEntry;
import io.infolettre.newsletter.issue.SendHistoryEntry.Kind;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.SwitchableRelay;
import io.infolettre.newsletter.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances against one MongoDB, each with its own Quartz triggers: an issue due
 * for both starts once, and every member receives it once. A send paused because the relay went
 * away resumes once, whichever instance tries the relay first, and after a restart too.
 */
class TwoInstancesIntegrationTests {

	private final EmbeddedMongo mongo = new EmbeddedMongo();

	@TempDir
	Path dataDir;

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void anIssueDueForBothInstancesStartsOnceAndEveryMemberReceivesItOnce() throws Exception {
		try (var first = start("premiere"); var second = start("seconde")) {
			first.getBean(SubscriberManagement.class)
				.addAll(IntStream.range(0, 300)
					.mapToObj(i -> SubscriberFixtures.member("deux-" + i + "@exemple.ca", "Réal", "Côté", "Usine", "deux"))
					.toList());
			var issues = first.getBean(IssueManagement.class);
			String id = issues.createDraft("Infolettre – deux instances", IssueFixtures.infolettre(), Audience.list("deux"))
				.getId();
			// due now in the database; each instance finds it when it brings its triggers in line
			issues.schedule(id, Instant.now());

			var barrier = new CyclicBarrier(2);
			var both = List.of(first, second)
				.stream()
				.map(instance -> CompletableFuture.runAsync(() -> {
					meet(barrier);
					instance.getBean(SchedulesFromDatabase.class).synchronize();
				}))
				.toList();
			both.forEach(CompletableFuture::join);

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(issues.get(id).getStatus()).isEqualTo(IssueStatus.SENT));
			assertThat(second.getBean(Deliveries.class).progress(id).sent()).isEqualTo(300);
			assertThat(TestMailServer.receivedPerRecipient("deux-")).hasSize(300)
				.allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
			var jobs = first.getBean(JobRepository.class);
			// the engine's job: one instance per issue and round
			var instance = jobs.getJobInstance("sendIssueJob",
					new JobParametersBuilder().addString("issueId", id).addLong("round", 0L).toJobParameters());
			assertThat(jobs.getJobExecutions(instance)).as("one job execution between the two instances").hasSize(1);
		}
	}

	@Test
	void whenTheInstanceSendingStopsTheOtherOneFinishesTheSendAndEveryMemberReceivesItOnce() {
		try (var second = start("releve")) {
			String id;
			IssueManagement issues = second.getBean(IssueManagement.class);
			try (var first = start("partante")) {
				first.getBean(SubscriberManagement.class)
					.addAll(IntStream.range(0, 2000)
						.mapToObj(i -> SubscriberFixtures.member("releve-" + i + "@exemple.ca", "Réal", "Côté", "Usine",
								"releve"))
						.toList());
				id = first.getBean(IssueManagement.class)
					.createDraft("Infolettre – relève", IssueFixtures.infolettre(), Audience.list("releve"))
					.getId();
				first.getBean(IssueSending.class).sendNow(id);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> TestMailServer.receivedPerRecipient("releve-").size() >= 200);
			}
			// the first instance stopped mid-send: its send ended between two messages, still SENDING
			assertThat(issues.get(id).getStatus()).isEqualTo(IssueStatus.SENDING);
			long sentByFirst = second.getBean(Deliveries.class).progress(id).sent();
			assertThat(sentByFirst).isGreaterThanOrEqualTo(200).isLessThan(2000);

			second.getBean(SchedulesFromDatabase.class).synchronize();

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(issues.get(id).getStatus()).isEqualTo(IssueStatus.SENT));
			assertThat(second.getBean(Deliveries.class).progress(id).sent()).isEqualTo(2000);
			assertThat(TestMailServer.receivedPerRecipient("releve-")).hasSize(2000)
				.allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
		}
	}

	@Test
	void aSendPausedForTheRelayResumesOnceWhenBothInstancesTryTheRelayAgain() throws Exception {
		try (var relay = new SwitchableRelay(TestMailServer.port()); var first = start("essai-a", relay);
				var second = start("essai-b", relay)) {
			String id = pausedForTheRelay(first, relay, "essai-");
			// both instances now wait to try the relay again, each with its own trigger
			second.getBean(SchedulesFromDatabase.class).synchronize();
			assertThat(second.getBean(QuartzSendTrigger.class).nextFireTime(id)).isPresent();
			assertThat(first.getBean(QuartzSendTrigger.class).nextFireTime(id)).isPresent();

			relay.up();

			IssueManagement issues = second.getBean(IssueManagement.class);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(issues.get(id).getStatus()).isEqualTo(IssueStatus.SENT));
			assertThat(TestMailServer.receivedPerRecipient("essai-")).hasSize(200)
				.allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
			assertThat(issues.get(id).getSendHistory()).extracting(SendHistoryEntry::kind)
				.as("resumed once").containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.RESUMED_AUTOMATICALLY);
		}
	}

	@Test
	void aSendPausedForTheRelayResumesByItselfAfterTheApplicationRestarts() throws Exception {
		try (var relay = new SwitchableRelay(TestMailServer.port())) {
			String id;
			try (var before = start("avant", relay)) {
				id = pausedForTheRelay(before, relay, "redemarrage-");
			}
			relay.up();
			try (var after = start("apres", relay)) {
				IssueManagement issues = after.getBean(IssueManagement.class);
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(issues.get(id).getStatus()).isEqualTo(IssueStatus.SENT));
				assertThat(TestMailServer.receivedPerRecipient("redemarrage-")).hasSize(200)
					.allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
				assertThat(issues.get(id).getSendHistory()).extracting(SendHistoryEntry::kind)
					.containsExactly(Kind.PAUSED_AUTOMATICALLY, Kind.RESUMED_AUTOMATICALLY);
			}
		}
	}

	// A send of 200 members through a relay that is down: it pauses until the relay answers again.
	private static String pausedForTheRelay(ConfigurableApplicationContext instance, SwitchableRelay relay,
			String prefix) {
		instance.getBean(SubscriberManagement.class)
			.addAll(IntStream.range(0, 200)
				.mapToObj(i -> SubscriberFixtures.member(prefix + i + "@exemple.ca", "Réal", "Côté", "Usine", prefix))
				.toList());
		IssueManagement issues = instance.getBean(IssueManagement.class);
		String id = issues.createDraft("Infolettre – relais en panne", IssueFixtures.infolettre(), Audience.list(prefix))
			.getId();
		relay.down();
		instance.getBean(IssueSending.class).sendNow(id);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(issues.get(id).getPauseCause()).isEqualTo(PauseCause.RELAY_UNAVAILABLE));
		return id;
	}

	private ConfigurableApplicationContext start(String name) {
		return start(name, TestMailServer.port());
	}

	// A relay tried again within a second, as the tests cannot wait for half a minute.
	private ConfigurableApplicationContext start(String name, SwitchableRelay relay) {
		return start(name, relay.port(), "--newsletter.delivery.reconnect.backoff=50ms",
				"--newsletter.delivery.relay-recovery.first-wait=300ms",
				"--newsletter.delivery.relay-recovery.longest-wait=1s");
	}

	private ConfigurableApplicationContext start(String name, int smtpPort, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--newsletter.data-dir=" + this.dataDir.resolve(name), "--newsletter.demo.enabled=false",
				"--newsletter.admin.password=test-password", "--spring.main.banner-mode=off",
				"--newsletter.mongodb.uri=" + this.mongo.uri(),
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--spring.quartz.scheduler-name=" + name, "--newsletter.scheduling.sync-interval=1h"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(NewsletterApplication.class).run(arguments.toArray(String[]::new));
	}

	private static void meet(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}


}

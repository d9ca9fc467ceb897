package io.infolettre.newsletter.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.NewsletterApplication;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.fixtures.TestDatabase;
import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What was written before the application stops is there after it starts again on the same data: its
 * embedded server's file, or with NEWSLETTER_TEST_MONGODB_URI set one database of that server.
 */
class RestartIntegrationTests {

	@TempDir
	Path dataDir;

	private final Optional<String> database = TestDatabase.freshDatabase();

	@Test
	void dataAndTheTrackingSecretSurviveARestart() {
		String issueId;
		String token;
		String deliveryId = new ObjectId().toHexString() + "0000002a";
		try (var first = start()) {
			first.getBean(SubscriberManagement.class)
				.addAll(List.of(SubscriberFixtures.member("reste@exemple.ca", "Réal", "Côté", "Usine", "l")));
			issueId = first.getBean(IssueManagement.class)
				.createDraft("Infolettre – janvier", IssueFixtures.infolettre(), Audience.allActive())
				.getId();
			token = first.getBean(TrackingTokens.class).issue(TokenPurpose.UNSUBSCRIBE, deliveryId);
		}
		try (var second = start()) {
			var subscriber = second.getBean(Subscribers.class).findByEmail(EmailAddress.of("reste@exemple.ca"));
			assertThat(subscriber).get().extracting(s -> s.getFirstName()).isEqualTo("Réal");
			assertThat(second.getBean(IssueManagement.class).get(issueId).getTitle()).isEqualTo("Infolettre – janvier");
			assertThat(second.getBean(TrackingTokens.class).verify(TokenPurpose.UNSUBSCRIBE, token))
				.as("links in messages already sent keep working").contains(deliveryId);
		}
	}

	@Test
	void anIssueScheduledBeforeAStopIsSentAfterTheRestart() {
		String issueId;
		try (var first = start()) {
			first.getBean(SubscriberManagement.class)
				.addAll(List.of(SubscriberFixtures.member("prevu@exemple.ca", "Réal", "Côté", "Usine", "prevus")));
			var issues = first.getBean(IssueManagement.class);
			issueId = issues.createDraft("Prévu", IssueFixtures.infolettre(), Audience.list("prevus")).getId();
			// due a minute ago in the database, but no Quartz trigger: the application stopped first
			issues.schedule(issueId, Instant.now().minusSeconds(60));
		}
		try (var second = start()) {
			var issues = second.getBean(IssueManagement.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(issues.get(issueId).getStatus()).isEqualTo(IssueStatus.SENT));
			assertThat(second.getBean(Deliveries.class).progress(issueId).sent()).isEqualTo(1);
		}
	}

	@Test
	void anIssueDueLongerAgoThanTheGracePeriodIsMarkedMissedAfterTheRestartAndNobodyReceivesIt() {
		String issueId;
		try (var first = start()) {
			first.getBean(SubscriberManagement.class)
				.addAll(List.of(SubscriberFixtures.member("manque@exemple.ca", "Réal", "Côté", "Usine", "manques")));
			var issues = first.getBean(IssueManagement.class);
			issueId = issues.createDraft("Manqué", IssueFixtures.infolettre(), Audience.list("manques")).getId();
			// due three hours ago: the application was down from before its time until now
			issues.schedule(issueId, Instant.now().minus(Duration.ofHours(3)));
		}
		try (var second = start()) {
			var issues = second.getBean(IssueManagement.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(issues.get(issueId).getStatus()).isEqualTo(IssueStatus.MISSED));
			assertThat(second.getBean(Deliveries.class).progress(issueId).total()).isZero();
		}
	}

	private ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--newsletter.data-dir=" + this.dataDir,
				"--newsletter.demo.enabled=false", "--newsletter.admin.password=test-password",
				"--spring.main.banner-mode=off"));
		this.database.ifPresent(uri -> arguments.add("--newsletter.mongodb.uri=" + uri));
		return new SpringApplicationBuilder(NewsletterApplication.class).run(arguments.toArray(String[]::new));
	}

}

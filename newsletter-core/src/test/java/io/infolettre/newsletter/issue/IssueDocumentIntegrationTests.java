package io.infolettre.newsletter.issue;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.segment.Audience;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issue as MongoDB stores it: what it says, when it sends and what holds it are the issue's own
 * fields, as in the documents stored before they were parts of their own, and such older documents
 * read as they always did.
 */
class IssueDocumentIntegrationTests {

	private static final AllowedSenders SENDERS = new AllowedSenders(
			List.of(new IssueSender("Infolettre", "infolettre@exemple.ca"), new IssueSender("Présidence", "p@exemple.ca")));

	private EmbeddedMongo mongo;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void itsPartsAreStoredAsTheIssuesOwnFieldsAndReadBack() {
		var issue = Issue.draft(new IssueEdit("Infolettre – décembre", "infolettre", new IssueVariant("Bonjour", "Ce mois-ci", "## Fête"),
				new IssueVariant("Hello", "This month", "## Party"), SENDERS.senders().get(1), "r@exemple.ca", false),
				Audience.list("membres"), SENDERS, IssueFixtures.CREATED_AT);
		issue.schedule(SendTime.of(LocalDateTime.of(2026, 12, 2, 9, 0), SendTime.QUEBEC),
				SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), SendTime.QUEBEC), IssueFixtures.minute(1));
		issue.startSending(IssueFixtures.minute(2));
		issue.pauseForRelayOutage("relais injoignable", IssueFixtures.minute(8), true, IssueFixtures.minute(3));
		this.mongo.template().insert(issue);

		Document stored = this.mongo.template().findById(issue.getId(), Document.class, "issues");
		assertThat(stored).containsKeys("title", "content", "english", "sender", "replyTo", "archiveExcluded", "audience",
				"status", "scheduledAt", "sendTime", "window", "pauseReason", "pauseCause", "resumeAt", "relayOutage",
				"sendHistory", "sendingStartedAt", "createdAt", "updatedAt");
		assertThat(stored.get("content", Document.class).getString("subject")).isEqualTo("Bonjour");
		assertThat(stored.getString("pauseCause")).isEqualTo("RELAY_UNAVAILABLE");

		Issue read = this.mongo.template().findById(issue.getId(), Issue.class);
		assertThat(read.currentEdit()).isEqualTo(issue.currentEdit());
		assertThat(read.variant("en").subject()).isEqualTo("Hello");
		assertThat(read.getWindow()).isEqualTo(issue.getWindow());
		assertThat(read.dueAt()).isEqualTo(issue.dueAt());
		assertThat(read.getPauseCause()).isEqualTo(PauseCause.RELAY_UNAVAILABLE);
		assertThat(read.getResumeAt()).isEqualTo(IssueFixtures.minute(8));
		assertThat(read.getRelayOutage()).isEqualTo(issue.getRelayOutage());
		assertThat(read.getSendHistory()).isEqualTo(issue.getSendHistory());
	}

	@Test
	void aDocumentFromBeforeVariantsSendersAndCausesReadsAsItAlwaysDid() {
		this.mongo.template()
			.insert(new Document("title", "Ancien").append("status", "PAUSED")
				.append("resumeAt", new Date(0))
				.append("content", new Document("subject", "Bonjour").append("template", "infolettre")), "issues");

		Issue old = this.mongo.template().findOne(Query.query(Criteria.where("title").is("Ancien")), Issue.class);

		assertThat(old.getPauseCause()).as("paused with a time to resume at").isEqualTo(PauseCause.SEND_WINDOW);
		assertThat(old.languages()).containsExactly("fr");
		assertThat(old.senderOr(SENDERS)).isEqualTo(SENDERS.defaultSender());
		assertThat(old.isArchived()).isTrue();
		assertThat(old.getSendHistory()).isEmpty();
		assertThat(old.getScheduledAt()).isNull();
	}

}

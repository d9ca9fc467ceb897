package io.infolettre.newsletter.api;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writing an issue through the API: variants, sender, reply-to, edits kept in the history,
 * duplicate, preview, the preflight checklist that blocks a send, and the test send.
 */
class ComposingApiIntegrationTests extends AbstractIntegrationTests {

	private final String list = "api-compose-" + UUID.randomUUID().toString().substring(0, 8);

	private TestIssues issues;

	@BeforeEach
	void issues() {
		// the port is known once the test instance is injected
		this.issues = new TestIssues(http());
	}

	private String create(String json) {
		var created = http().api("POST", "/api/v1/issues", json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.issues.read(created.body()).get("id").asString();
	}

	private String bilingualDraft() {
		this.issues.draftFor(this.list, List.of("fr." + this.list + "@membres.exemple.ca"));
		return create("""
				{"title":"Infolettre bilingue","list":"%s","sender":"presidence@exemple.ca","replyTo":"reponses@exemple.ca",
				 "variants":{"fr":{"subject":"Bonjour ${firstName!'membre'}","preheader":"Ce mois-ci","body":"## Événements\\n\\nLe 5 à 7."},
				             "en":{"subject":"Hello ${firstName!'member'}","preheader":"This month","body":"## Events\\n\\nThe networking evening."}}}
				""".formatted(this.list));
	}

	@Test
	void createsADraftWithBothVariantsItsSenderAndReplyTo() {
		var issue = this.issues.read(http().api("GET", "/api/v1/issues/" + bilingualDraft()).body());

		assertThat(issue.get("variants").get("fr").get("subject").asString()).isEqualTo("Bonjour ${firstName!'membre'}");
		assertThat(issue.get("variants").get("en").get("body").asString()).contains("networking");
		assertThat(issue.get("sender").get("email").asString()).isEqualTo("presidence@exemple.ca");
		assertThat(issue.get("replyTo").asString()).isEqualTo("reponses@exemple.ca");
		assertThat(issue.get("archived").asBoolean()).isTrue();
	}

	@Test
	void refusesASenderThatIsNotConfiguredAndAReplyToThatIsNoAddress() {
		var stranger = http().api("POST", "/api/v1/issues", """
				{"title":"Usurpation","subject":"Objet","body":"Corps","sender":"pdg@ailleurs.example"}
				""");
		assertThat(stranger.statusCode()).isEqualTo(400);
		assertThat(stranger.body()).contains("Expéditeur non autorisé");

		var injected = http().api("POST", "/api/v1/issues", """
				{"title":"Injection","subject":"Objet","body":"Corps","replyTo":"a@exemple.ca\\r\\nBcc: pirate@exemple.ca"}
				""");
		assertThat(injected.statusCode()).isEqualTo(400);
		assertThat(injected.body()).contains("Adresse de réponse invalide");
	}

	@Test
	void contentThatDoesNotRenderIsRefusedWithItsLineAndColumn() {
		var broken = http().api("POST", "/api/v1/issues", """
				{"title":"Cassé","subject":"Objet","body":"## Titre\\n\\nBonjour ${firstName!'membre'}, ${oups("}
				""");

		assertThat(broken.statusCode()).isEqualTo(422);
		var problem = this.issues.read(broken.body());
		assertThat(problem.get("part").asString()).isEqualTo("Corps");
		assertThat(problem.get("line").asInt()).isEqualTo(3);
		assertThat(problem.get("column").asInt()).isPositive();
		assertThat(problem.get("detail").asString()).contains("ligne 3");
	}

	@Test
	void editsOfADraftAreKeptInItsHistoryAndADuplicateIsANewDraft() {
		String id = bilingualDraft();
		var edited = http().api("PUT", "/api/v1/issues/" + id, """
				{"title":"Infolettre bilingue – v2","template":"infolettre",
				 "variants":{"fr":{"subject":"Bonjour ${firstName!'membre'}, v2","preheader":"Ce mois-ci","body":"## Formations"}}}
				""");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(this.issues.read(edited.body()).get("variants").has("en")).as("English left out: removed").isFalse();

		var versions = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/versions").body());
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).get("savedBy").asString()).isEqualTo(ADMIN);
		assertThat(versions.get(0).get("changes").toString()).contains("title", "french", "english", "sender", "replyTo");
		assertThat(versions.get(0).get("fr").get("body").asString()).contains("Le 5 à 7");
		assertThat(versions.get(0).get("en").get("subject").asString()).isEqualTo("Hello ${firstName!'member'}");

		var copy = http().api("POST", "/api/v1/issues/" + id + "/duplicate");
		assertThat(copy.statusCode()).isEqualTo(201);
		var duplicate = this.issues.read(copy.body());
		assertThat(duplicate.get("title").asString()).isEqualTo("Copie de Infolettre bilingue – v2");
		assertThat(duplicate.get("status").asString()).isEqualTo("DRAFT");
		assertThat(duplicate.get("audienceList").asString()).isEqualTo(this.list);
		assertThat(duplicate.get("id").asString()).isNotEqualTo(id);
	}

	@Test
	void previewsEachLanguageAsTheSampleMember() {
		String id = bilingualDraft();

		var en = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/preview?language=en").body());
		assertThat(en.get("language").asString()).isEqualTo("en");
		assertThat(en.get("subject").asString()).isEqualTo("Hello Marie");
		assertThat(en.get("html").asString()).contains("networking evening");
		var fr = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/preview").body());
		assertThat(fr.get("subject").asString()).isEqualTo("Bonjour Marie");
	}

	@Test
	void aFailingPreflightBlocksSchedulingAndSending() {
		this.issues.draftFor(this.list, List.of("pf." + this.list + "@membres.exemple.ca"));
		String id = create("""
				{"title":"Sans objet ni désabonnement","list":"%s","template":"sans-desabonnement",
				 "variants":{"fr":{"subject":"","body":"Bonjour. [Lien relatif](/page), [sans hôte](http:///page) et ![](https://exemple.ca/logo.png)"}}}
				""".formatted(this.list));

		var checks = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/preflight").body()).get("checks");
		assertThat(outcome(checks, "subject")).isEqualTo("FAIL");
		assertThat(outcome(checks, "unsubscribe")).isEqualTo("FAIL");
		assertThat(outcome(checks, "links")).isEqualTo("FAIL");
		assertThat(outcome(checks, "images")).isEqualTo("FAIL");
		assertThat(outcome(checks, "sender")).isEqualTo("PASS");
		assertThat(outcome(checks, "render")).isEqualTo("PASS");

		var scheduled = http().api("PUT", "/api/v1/issues/" + id + "/schedule", """
				{"date":"2099-12-01","time":"09:00"}
				""");
		assertThat(scheduled.statusCode()).isEqualTo(422);
		assertThat(scheduled.body()).contains("vérification avant envoi", "L'objet est vide", "désabonnement");
		assertThat(http().api("POST", "/api/v1/issues/" + id + "/send").statusCode()).isEqualTo(422);
		assertThat(this.issues.status(id)).isEqualTo("DRAFT");
	}

	@Test
	void aTestReachesTheRelayMarkedAsATestAndStaysOutOfTheLedger() throws Exception {
		String id = bilingualDraft();
		String to = "test." + this.list + "@relecture.exemple.ca";

		var answer = http().api("POST", "/api/v1/issues/" + id + "/test-send", """
				{"addresses":["%s"],"language":"en"}
				""".formatted(to));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(this.issues.read(answer.body()).get("results").get(0).get("accepted").asBoolean()).isTrue();

		MimeMessage message = await().until(() -> Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equals(to))
			.findFirst()
			.orElse(null), m -> m != null);
		assertThat(message.getSubject()).isEqualTo("[TEST] Hello Marie");
		assertThat(message.getHeader("X-Infolettre-Test")).containsExactly("1");
		// its reader is on no list (a real send carries both: SendIssueIntegrationTests)
		assertThat(message.getHeader("List-Unsubscribe")).isNull();
		assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
		assertThat(message.getFrom()[0].toString()).contains("presidence@exemple.ca");
		assertThat(message.getReplyTo()[0].toString()).isEqualTo("reponses@exemple.ca");
		assertThat(this.issues.deliveries(id, "all").get("total").asLong()).isZero();
		assertThat(this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/report").body()).get("sent").asLong())
			.isZero();

		var tooMany = http().api("POST", "/api/v1/issues/" + id + "/test-send",
				"{\"addresses\":[\"a@x.ca\",\"b@x.ca\",\"c@x.ca\",\"d@x.ca\",\"e@x.ca\",\"f@x.ca\"]}");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		var invalid = http().api("POST", "/api/v1/issues/" + id + "/test-send", "{\"addresses\":[\"pas une adresse\"]}");
		assertThat(invalid.statusCode()).isEqualTo(400);
	}

	private static String outcome(tools.jackson.databind.JsonNode checks, String name) {
		for (var check : checks) {
			if (check.get("name").asString().equals(name)) {
				return check.get("outcome").asString();
			}
		}
		throw new AssertionError("no check " + name + " in " + checks);
	}

}

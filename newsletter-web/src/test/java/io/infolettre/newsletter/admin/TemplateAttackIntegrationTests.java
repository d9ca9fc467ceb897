package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueContent;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack an outside test made, through every way in the application offers: a subject
 * that runs a command when the issue is created through the API, saved in the editor, uploaded in
 * a layout, and an issue stored before templates were sandboxed, opened, previewed, checked by the
 * preflight and test-sent. Each is refused with a reason in French, and the command runs nowhere.
 */
class TemplateAttackIntegrationTests extends AbstractIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Issues issues;

	private Path marker;

	private String execute;

	@BeforeEach
	void marker() throws IOException {
		this.marker = Files.createTempDirectory("infolettre-attaque").resolve("pwned");
		this.execute = "${\"freemarker.template.utility.Execute\"?new()(\"touch " + this.marker + "\")}";
	}

	@AfterEach
	void nothingRan() {
		assertThat(this.marker).doesNotExist();
	}

	@Test
	void aDraftCreatedThroughTheApiWithCodeInItsSubjectIsRefused() {
		var response = http().api("POST", "/api/v1/issues",
				this.json.writeValueAsString(Map.of("title", "Piège", "subject", this.execute, "body", "Corps")));
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("part").asString()).isEqualTo("Objet");
		assertThat(problem.get("line").asInt()).isEqualTo(1);
		assertThat(problem.get("detail").asString()).contains("« ?new » donnerait accès au code Java du serveur");
	}

	@Test
	void aDraftEditedThroughTheApiWithCodeInItsBodyIsRefusedAndKeepsItsContent() {
		var created = http().api("POST", "/api/v1/issues",
				this.json.writeValueAsString(Map.of("title", "Sage", "subject", "Objet sage", "body", "Corps sage")));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = this.json.readTree(created.body()).get("id").asString();
		var edited = http().api("PUT", "/api/v1/issues/" + id, this.json.writeValueAsString(Map.of("title", "Sage",
				"variants", Map.of("fr", Map.of("subject", "Objet", "body", "Bonjour,\n\n" + this.execute)))));
		assertThat(edited.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(edited.body()).get("part").asString()).isEqualTo("Corps");
		assertThat(this.json.readTree(edited.body()).get("line").asInt()).isEqualTo(3);
		assertThat(this.json.readTree(http().api("GET", "/api/v1/issues/" + id).body()).get("variants").get("fr")
			.get("body").asString()).isEqualTo("Corps sage");
	}

	@Test
	void theEditorRefusesToSaveCodeAndGivesBackWhatWasTyped() {
		var admin = AdminSession.login(this.port);
		var created = http().api("POST", "/api/v1/issues",
				this.json.writeValueAsString(Map.of("title", "Éditeur", "subject", "Objet", "body", "Corps")));
		String id = this.json.readTree(created.body()).get("id").asString();
		var page = admin.submit("/admin/issues/" + id + "/edit", "/admin/issues/" + id + "/edit", "title", "Éditeur",
				"template", "infolettre", "frSubject", "Bonjour " + this.execute, "frPreheader", "", "frBlocks",
				"[{\"type\":\"markdown\",\"body\":\"Corps modifié\"}]");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Objet, ligne 1, colonne 9")
			.contains("donnerait accès au code Java du serveur")
			.contains("Corps modifié");
		assertThat(this.issues.findById(id).orElseThrow().getContent().subject()).isEqualTo("Objet");
	}

	@Test
	void anUploadedLayoutThatRunsCodeIsRefusedWithItsLine() {
		var admin = AdminSession.login(this.port);
		var response = admin.upload("/admin/templates", "/admin/templates", List.of("name", "piege", "language", "fr"),
				List.of("html", "piege.html", TestTemplates.HTML + "<p>" + this.execute + "</p>", "text", "piege.txt",
						TestTemplates.TEXT));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("piege.html.ftlh").contains("donnerait accès au code Java du serveur");
		assertThat(admin.page("/admin/templates").select("#templates tr[data-template=piege]")).isEmpty();
	}

	@Test
	void anIssueStoredBeforeTheSandboxRunsNothingWhereverItIsShown() {
		// written as an older version stored it, past today's checks
		Issue stored = this.issues.save(new Issue("Ancien piège",
				new IssueContent(this.execute, "", "Bonjour " + this.execute, "infolettre", "fr"), Audience.allActive(),
				Instant.now()));
		String id = stored.getId();
		var admin = AdminSession.login(this.port);
		var page = admin.get("/admin/issues/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("donnerait accès au code Java du serveur");
		assertThat(admin.get("/admin/issues/" + id + "/preview.html").statusCode()).isEqualTo(422);
		assertThat(http().api("GET", "/api/v1/issues/" + id + "/preflight").body())
			.contains("donnerait accès au code Java du serveur");
		var test = http().api("POST", "/api/v1/issues/" + id + "/test-send",
				"{\"addresses\":[\"test-piege@exemple.ca\"]}");
		assertThat(test.statusCode()).isBetween(400, 499);
		assertThat(http().api("POST", "/api/v1/issues/" + id + "/send").statusCode()).isBetween(400, 499);
	}

}

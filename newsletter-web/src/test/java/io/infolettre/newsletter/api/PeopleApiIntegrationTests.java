package io.infolettre.newsletter.api;

import java.util.UUID;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TeamMails;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team through the API, as a script drives it: who am I, invite (the invitation arrives by SMTP
 * and works), list, change a role, deactivate and reactivate, and the refusals as problem details in
 * French.
 */
class PeopleApiIntegrationTests extends AbstractIntegrationTests {

	private static final String STRONG = "Quatre saisons au bord du fleuve";

	private final JsonMapper json = JsonMapper.builder().build();

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private String address(String name) {
		return name + "-" + this.tag + "@api.exemple.ca";
	}

	@Test
	void meIsTheCallerWithTheirRoleAndPermissions() {
		var answer = http().api("GET", "/api/v1/me");

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode me = this.json.readTree(answer.body());
		assertThat(me.get("login").asString()).isEqualTo(ADMIN);
		assertThat(me.get("role").asString()).isEqualTo("ADMIN");
		assertThat(me.get("permissions").valueStream().map(JsonNode::asString).toList()).contains("PEOPLE_MANAGE",
				"ISSUES_SEND", "AUDIT_READ");
		assertThat(me.get("id").asString()).hasSize(24);
		assertThat(answer.body()).doesNotContain("passwordHash");
	}

	@Test
	void invitingThroughTheApiSendsTheInvitationWhoseLinkWorks() {
		String email = address("claire");

		var created = http().api("POST", "/api/v1/people",
				"{\"email\":\"" + email.toUpperCase() + "\",\"name\":\"Claire Roy\",\"role\":\"APPROVER\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode person = this.json.readTree(created.body());
		String id = person.get("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/people/" + id);
		assertThat(person.get("email").asString()).isEqualTo(email);
		assertThat(person.get("status").asString()).isEqualTo("INVITED");
		assertThat(person.get("role").asString()).isEqualTo("APPROVER");
		assertThat(person.get("invitationExpiresAt").isNull()).isFalse();
		MimeMessage message = TeamMails.awaitMessage(email, "Invitation à rejoindre l’équipe");
		assertThat(TeamMails.part(message, "text/plain")).contains("avec le rôle « Approbation »");
		String link = TeamMails.linkPath(message);
		var visitor = AdminSession.visitor(this.port);
		assertThat(visitor.submit(link, link, "password", STRONG, "confirmation", STRONG).statusCode()).isEqualTo(200);
		AdminSession.login(this.port, email, STRONG);

		JsonNode listed = this.json.readTree(http().api("GET", "/api/v1/people").body());
		assertThat(listed.valueStream().filter(p -> p.get("id").asString().equals(id)).findFirst().orElseThrow()
			.get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aPatchChangesTheRoleAndDeactivatesOrReactivates() {
		String email = address("denis");
		String id = this.json.readTree(http().api("POST", "/api/v1/people",
				"{\"email\":\"" + email + "\",\"name\":\"Denis\",\"role\":\"READER\"}").body()).get("id").asString();

		var promoted = http().api("PATCH", "/api/v1/people/" + id, "{\"role\":\"COORDINATOR\"}");
		var deactivated = http().api("PATCH", "/api/v1/people/" + id, "{\"active\":false}");
		var reactivated = http().api("PATCH", "/api/v1/people/" + id, "{\"active\":true}");

		assertThat(promoted.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(promoted.body()).get("role").asString()).isEqualTo("COORDINATOR");
		assertThat(this.json.readTree(deactivated.body()).get("status").asString()).isEqualTo("DEACTIVATED");
		assertThat(this.json.readTree(deactivated.body()).get("deactivatedAt").isNull()).isFalse();
		assertThat(this.json.readTree(reactivated.body()).get("status").asString())
			.as("never chose a password: invited again").isEqualTo("INVITED");
	}

	@Test
	void refusalsAreProblemDetailsInFrench() {
		String email = address("double");
		http().api("POST", "/api/v1/people", "{\"email\":\"" + email + "\",\"role\":\"READER\"}");
		String me = this.json.readTree(http().api("GET", "/api/v1/me").body()).get("id").asString();

		var twice = http().api("POST", "/api/v1/people", "{\"email\":\"" + email + "\",\"role\":\"READER\"}");
		var notAnAddress = http().api("POST", "/api/v1/people", "{\"email\":\"personne\",\"role\":\"READER\"}");
		var noRole = http().api("POST", "/api/v1/people", "{\"email\":\"" + address("sans-role") + "\"}");
		var myself = http().api("PATCH", "/api/v1/people/" + me, "{\"active\":false}");
		var unknown = http().api("PATCH", "/api/v1/people/0123456789abcdef01234567", "{\"role\":\"READER\"}");

		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(twice.body()).get("detail").asString()).contains("est déjà invité");
		assertThat(this.json.readTree(notAnAddress.body()).get("detail").asString())
			.isEqualTo("« personne » n’est pas une adresse courriel valide.");
		assertThat(this.json.readTree(noRole.body()).get("detail").asString()).startsWith("Le rôle est requis");
		assertThat(myself.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(myself.body()).get("detail").asString())
			.isEqualTo("Vous ne pouvez pas désactiver votre propre compte.");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

}

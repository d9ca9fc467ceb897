package io.infolettre.newsletter.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestPeople;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens over real HTTP: issued once with their secret, kept only as a hash, acting with their
 * role (the person's or narrower, never wider), revoked for good; and HTTP Basic left to the first
 * administrator while the team allows it.
 */
class ApiTokenIntegrationTests extends AbstractIntegrationTests {

	private record Issued(String id, String secret) {

	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	TestPeople people;

	@Autowired
	TeamSettingsStore team;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aTokenIsShownOnceKeptAsAHashAndOpensTheApiAsItsPerson() throws Exception {
		var coordinator = this.people.create(Role.COORDINATOR);
		String secret = issue(coordinator, "{\"name\":\"Script d’importation\"}").secret();

		var issues = bearer(secret, "GET", "/api/v1/issues", null);
		assertThat(issues.statusCode()).as(issues.body()).isEqualTo(200);
		var mine = bearer(secret, "GET", "/api/v1/tokens", null);
		assertThat(mine.statusCode()).isEqualTo(200);
		JsonNode listed = null;
		for (JsonNode token : this.json.readTree(mine.body())) {
			listed = token.get("name").asString().equals("Script d’importation") ? token : listed;
		}
		assertThat(listed).as("among the person's tokens").isNotNull();
		assertThat(listed.get("role").asString()).isEqualTo("COORDINATOR");
		assertThat(listed.has("token")).as("the secret is never shown again").isFalse();
		assertThat(listed.get("lastUsedAt").isNull()).as("its last use is noted").isFalse();

		Document stored = this.mongo.getCollection("api_tokens")
			.find(Filters.eq("_id", new ObjectId(listed.get("id").asString())))
			.first();
		assertThat(stored.getString("secretHash")).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
		assertThat(stored.toJson()).as("the secret itself is kept nowhere").doesNotContain(secret.substring(4));
	}

	@Test
	void aNarrowerTokenHasOnlyItsRolesPermissionsAndNoneAsksForAWiderOne() {
		var coordinator = this.people.create(Role.COORDINATOR);
		String reader = issue(coordinator, "{\"name\":\"Tableau de bord\",\"role\":\"READER\"}").secret();

		assertThat(bearer(reader, "GET", "/api/v1/calendar", null).statusCode()).isEqualTo(200);
		var refused = bearer(reader, "GET", "/api/v1/issues", null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("Permission manquante").contains("ISSUES_READ");

		var wider = bearer(tokenFromTheAccountPage(coordinator), "POST", "/api/v1/tokens", "{\"name\":\"Tout\",\"role\":\"ADMIN\"}");
		assertThat(wider.statusCode()).isEqualTo(400);
		assertThat(wider.body()).contains("plus de permissions que la personne");
		var widerThanTheAskingToken = bearer(reader, "POST", "/api/v1/tokens",
				"{\"name\":\"Par le jeton\",\"role\":\"COORDINATOR\"}");
		assertThat(widerThanTheAskingToken.statusCode()).as("a token never makes a wider one").isEqualTo(400);
		assertThat(bearer(reader, "POST", "/api/v1/tokens", "{\"name\":\"Aussi étroit\"}").statusCode()).isEqualTo(201);
		assertThat(bearer(reader, "POST", "/api/v1/tokens", "{\"name\":\"  \"}").statusCode()).isEqualTo(400);
	}

	@Test
	void aRevokedTokenOrADeactivatedPersonOpensNothing() {
		var approver = this.people.create(Role.APPROVER);
		var other = this.people.create(Role.COORDINATOR);
		var revokedToken = issue(approver, "{\"name\":\"À révoquer\"}");
		String secret = revokedToken.secret();
		String id = revokedToken.id();
		String kept = issue(approver, "{\"name\":\"Gardé\"}").secret();
		String others = issue(other, "{\"name\":\"D’un autre\"}").secret();

		assertThat(bearer(others, "DELETE", "/api/v1/tokens/" + id, null).statusCode())
			.as("someone else's token is not found").isEqualTo(404);
		assertThat(bearer(secret, "DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(204);
		var revoked = bearer(secret, "GET", "/api/v1/issues", null);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.body()).contains("Jeton refusé");
		assertThat(bearer(kept, "GET", "/api/v1/issues", null).statusCode()).isEqualTo(200);

		this.mongo.getCollection("people")
			.updateOne(Filters.eq("_id", new ObjectId(approver.personId())), Updates.set("status", "DEACTIVATED"));
		assertThat(bearer(kept, "GET", "/api/v1/issues", null).statusCode()).as("a deactivated person").isEqualTo(401);
		assertThat(bearer("ifl_inconnu", "GET", "/api/v1/issues", null).statusCode()).isEqualTo(401);
	}

	@Test
	void anAdministratorRevokesAnyonesToken() {
		var coordinator = this.people.create(Role.COORDINATOR);
		var admin = this.people.create(Role.ADMIN);
		var lost = issue(coordinator, "{\"name\":\"Perdu\"}");

		assertThat(bearer(issue(admin, "{\"name\":\"Admin\"}").secret(), "DELETE", "/api/v1/tokens/" + lost.id(), null)
			.statusCode()).isEqualTo(204);
		assertThat(bearer(lost.secret(), "GET", "/api/v1/calendar", null).statusCode()).isEqualTo(401);
	}

	@Test
	void aPasswordOpensTheApiOnlyForTheFirstAdministratorWhileTheTeamAllowsIt() {
		var otherAdmin = this.people.create(Role.ADMIN);

		assertThat(http().api("GET", "/api/v1/issues").statusCode()).as("the first administrator").isEqualTo(200);
		var refused = basic(otherAdmin.login(), otherAdmin.password(), "GET", "/api/v1/issues", null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("identifiez-vous avec un jeton d’API", "Authorization: Bearer");

		TeamSettings before = this.team.current();
		try {
			this.team.save(new TeamSettings(before.approvalRequired(), before.secondFactorRequiredForAdmins(), false));
			var off = http().api("GET", "/api/v1/issues");
			assertThat(off.statusCode()).as("turned off").isEqualTo(401);
			assertThat(off.headers().allValues("WWW-Authenticate")).noneMatch(challenge -> challenge.startsWith("Basic"));
		}
		finally {
			this.team.save(before);
		}
		assertThat(http().api("GET", "/api/v1/issues").statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenDoesNotLetAnotherSitesFormThrough() {
		String secret = issue(this.people.create(Role.ADMIN), "{\"name\":\"Formulaire\"}").secret();

		var form = http().send(HttpRequest.newBuilder(http().local("/api/v1/segments"))
			.header("Authorization", "Bearer " + secret)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forgé\"}")));
		var crossSite = http().send(HttpRequest.newBuilder(http().local("/api/v1/segments"))
			.header("Authorization", "Bearer " + secret)
			.header("Content-Type", "application/json")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forgé\"}")));

		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(form.body()).contains("Requête refusée");
		assertThat(crossSite.statusCode()).isEqualTo(403);
	}

	/** A token for this person, asked for with their first one, as a script of theirs would. */
	private Issued issue(TestPeople.Credentials person, String body) {
		var issued = bearer(tokenFromTheAccountPage(person), "POST", "/api/v1/tokens", body);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode token = this.json.readTree(issued.body());
		assertThat(issued.headers().firstValue("Location")).hasValue("/api/v1/tokens/" + token.get("id").asString());
		assertThat(token.get("token").asString()).startsWith("ifl_").hasSizeGreaterThan(40);
		return new Issued(token.get("id").asString(), token.get("token").asString());
	}

	/**
	 * A person's first token, which only a signed-in session or another token can ask for: made
	 * through the admin's « Jetons d'API » form, as the person would, and read once on the page.
	 */
	private String tokenFromTheAccountPage(TestPeople.Credentials person) {
		var session = AdminSession.login(this.port, person);
		var answer = session.submit("/admin/account/tokens", "/admin/account/tokens", "name", "Premier jeton");
		assertThat(answer.statusCode()).isEqualTo(302);
		var page = session.page("/admin/account/tokens");
		return page.select("#api-token-value").text();
	}

	private HttpResponse<String> bearer(String secret, String method, String path, String body) {
		return send("Bearer " + secret, method, path, body);
	}

	private HttpResponse<String> basic(String login, String password, String method, String path, String body) {
		return send("Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)),
				method, path, body);
	}

	private HttpResponse<String> send(String authorization, String method, String path, String body) {
		var request = HttpRequest.newBuilder(http().local(path))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.header("User-Agent", "curl/8.5.0");
		if (body == null) {
			request.header("X-Requested-With", "test").method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		return http().send(request);
	}

}

package io.infolettre.newsletter.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestPeople;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log over real HTTP: changes made through the admin forms and the API are recorded with
 * their person, address and the values before and after; an erasure anonymises the subscriber's
 * entries; the « Journal » page, its CSV and {@code GET /api/v1/audit} filter by person, kind and
 * period, a page at a time.
 */
class AuditLogIntegrationTests extends AbstractIntegrationTests {

	private static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

	private final String list = "journal-" + UUID.randomUUID().toString().substring(0, 8);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	TestPeople people;

	@Test
	void anIssueEditRecordsTheFieldsThatChangedBeforeAndAfterWithThePersonAndTheirAddress() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
		TestPeople.Credentials coordinator = this.people.create(Role.COORDINATOR);
		var session = AdminSession.login(this.port, coordinator);

		var saved = session.submit("/admin/issues/" + id + "/edit", "/admin/issues/" + id + "/edit", "title",
				"Infolettre révisée", "template", "infolettre", "frSubject", "Un nouvel objet", "frPreheader", "",
				"frBlocks", "[{\"type\":\"heading\",\"text\":\"Nos nouvelles\"}]", "enSubject", "", "enPreheader", "",
				"enBlocks", "[]");
		assertThat(saved.statusCode()).isEqualTo(302);
		// a refused save changes nothing and records nothing
		var refused = session.submit("/admin/issues/" + id + "/edit", "/admin/issues/" + id + "/edit", "title",
				"Refusé", "template", "infolettre", "frSubject", "Objet", "frBlocks",
				"[{\"type\":\"button\",\"label\":\"Voir\",\"url\":\"exemple.ca/sans-schema\"}]", "enSubject", "",
				"enPreheader", "", "enBlocks", "[]");
		assertThat(refused.statusCode()).isEqualTo(200);

		JsonNode entries = entries("person=" + coordinator.personId()).get("entries");
		assertThat(entries).hasSize(1);
		JsonNode entry = entries.get(0);
		assertThat(entry.get("kind").asString()).isEqualTo("ISSUE");
		assertThat(entry.get("targetId").asString()).isEqualTo(id);
		assertThat(entry.get("targetLabel").asString()).isEqualTo("Infolettre révisée");
		assertThat(entry.get("action").asString()).isEqualTo("issue.edit");
		assertThat(entry.get("actionText").asString()).isEqualTo("Modification d’un numéro");
		assertThat(entry.get("actor").get("personId").asString()).isEqualTo(coordinator.personId());
		assertThat(entry.get("actor").get("name").asString()).isEqualTo("Personne COORDINATOR");
		assertThat(entry.get("actor").get("address").asString()).isEqualTo("127.0.0.1");
		assertThat(entry.get("actor").get("tokenId").isNull()).isTrue();
		assertThat(changes(entry)).contains(
				"title: Infolettre – décembre " + this.list + " → Infolettre révisée",
				"fr.subject: ${firstName!'Membre'}, l'été arrive → Un nouvel objet",
				"fr.blocks.1.type: markdown → heading", "fr.blocks.1.text: null → Nos nouvelles")
			.noneMatch(change -> change.startsWith("template:") || change.startsWith("status:"));
	}

	@Test
	void aSubscribersEntriesAreAnonymisedWhenTheSubscriberIsErasedAndTheEntriesStay() {
		String email = "efface." + this.list + "@membres.exemple.ca";
		assertThat(http().api("POST", "/api/v1/subscribers", """
				[{"email":"%s","firstName":"Hélène","lastName":"Tremblay","lists":["%s"]}]""".formatted(email, this.list))
			.statusCode()).isEqualTo(200);
		String id = read(http().api("GET", "/api/v1/subscribers?list=" + this.list).body()).get("subscribers")
			.get(0)
			.get("id")
			.asString();
		assertThat(http().api("PUT", "/api/v1/subscribers/" + id, "{\"firstName\":\"Héloïse\"}").statusCode())
			.isEqualTo(200);
		TestPeople.Credentials coordinator = this.people.create(Role.COORDINATOR);
		var session = AdminSession.login(this.port, coordinator);
		assertThat(session.submit("/admin/subscribers/" + id, "/admin/subscribers/" + id + "/tags", "tag", "bénévole")
			.statusCode()).isEqualTo(302);

		List<JsonNode> before = about(id);
		assertThat(before).extracting(entry -> entry.get("action").asString())
			.containsExactly("subscriber.tag", "subscriber.edit");
		assertThat(before).allSatisfy(entry -> assertThat(entry.get("targetLabel").asString()).isEqualTo(email));
		assertThat(changes(before.get(1))).containsExactly("firstName: Hélène → Héloïse");
		// an access request shows what the log holds about the subscriber
		assertThat(http().api("GET", "/api/v1/subscribers/" + id + "/personal-data").body()).contains("\"audit\"",
				"Héloïse", "Ajout d’une étiquette");

		assertThat(http().api("DELETE", "/api/v1/subscribers/" + id).statusCode()).isEqualTo(200);

		List<JsonNode> after = about(id);
		assertThat(after).extracting(entry -> entry.get("action").asString())
			.containsExactly("subscriber.erase", "subscriber.tag", "subscriber.edit");
		assertThat(after).allSatisfy(entry -> {
			assertThat(entry.get("targetLabel").asString()).isEqualTo("[abonné effacé]");
			entry.get("changes").forEach(change -> {
				assertThat(change.get("before").isNull()).as(change.toString()).isTrue();
				assertThat(change.get("after").isNull()).as(change.toString()).isTrue();
			});
		});
		// who did what and when stays; which fields changed too
		assertThat(after.get(1).get("actor").get("personId").asString()).isEqualTo(coordinator.personId());
		assertThat(after.get(2).get("changes").get(0).get("field").asString()).isEqualTo("firstName");
		String log = http().api("GET", "/api/v1/audit?kind=SUBSCRIBER&size=500").body()
				+ new String(session.download("/admin/audit/export.csv?kind=SUBSCRIBER").body(), StandardCharsets.UTF_8);
		assertThat(log).contains(id).doesNotContain(email, "Héloïse", "Tremblay");
	}

	@Test
	void thePageItsCsvAndTheApiFilterByPersonKindAndPeriodAPageAtATime() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("b." + this.list + "@membres.exemple.ca"));
		String subscriber = read(http().api("GET", "/api/v1/subscribers?list=" + this.list).body()).get("subscribers")
			.get(0)
			.get("id")
			.asString();
		TestPeople.Credentials coordinator = this.people.create(Role.COORDINATOR);
		var session = AdminSession.login(this.port, coordinator);
		assertThat(session.submit("/admin/subscribers/" + subscriber, "/admin/subscribers/" + subscriber + "/tags",
				"tag", "conférencière").statusCode()).isEqualTo(302);
		assertThat(session.submit("/admin/issues/" + id, "/admin/issues/" + id + "/duplicate").statusCode())
			.isEqualTo(302);
		String person = "person=" + coordinator.personId();
		String today = LocalDate.now(QUEBEC).toString();

		assertThat(actions(entries(person))).containsExactly("issue.duplicate", "subscriber.tag");
		assertThat(actions(entries(person + "&kind=SUBSCRIBER"))).containsExactly("subscriber.tag");
		assertThat(actions(entries(person + "&from=" + today + "&to=" + today))).hasSize(2);
		assertThat(actions(entries(person + "&from=" + LocalDate.now(QUEBEC).plusDays(1)))).isEmpty();
		assertThat(actions(entries(person + "&to=" + LocalDate.now(QUEBEC).minusDays(1)))).isEmpty();
		assertThat(http().api("GET", "/api/v1/audit?from=hier").statusCode()).isEqualTo(400);

		JsonNode first = entries(person + "&size=1");
		assertThat(actions(first)).containsExactly("issue.duplicate");
		JsonNode second = entries(person + "&size=1&after=" + first.get("next").asString());
		assertThat(actions(second)).containsExactly("subscriber.tag");
		assertThat(second.get("next").isNull()).isTrue();
		// the copy is named by what it made, not by the issue it copied
		assertThat(first.get("entries").get(0).get("targetId").asString()).isNotEqualTo(id);
		assertThat(first.get("entries").get(0).get("targetLabel").asString()).startsWith("Copie de");

		var admin = AdminSession.login(this.port);
		var page = admin.page("/admin/audit?" + person + "&kind=SUBSCRIBER&from=" + today);
		assertThat(page.select(".audit-entry")).hasSize(1);
		assertThat(page.select(".audit-entry .audit-action").text()).isEqualTo("Ajout d’une étiquette");
		assertThat(page.select(".audit-entry .audit-person").text()).isEqualTo("Personne COORDINATOR");
		assertThat(page.select(".audit-entry .audit-after").text()).isEqualTo("conférencière");
		assertThat(page.select("#person option[selected]").text()).isEqualTo("Personne COORDINATOR");
		assertThat(page.getElementById("audit-csv").attr("href")).contains("kind=SUBSCRIBER");

		var csv = admin.download("/admin/audit/export.csv?" + person);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst()).hasValue("\uFEFFdate,personne,personne_id,jeton,adresse,type,cible_id,cible,action,action_code,champ,avant,après");
		assertThat(text).contains("Personne COORDINATOR", "Abonné", "Ajout d’une étiquette", "conférencière",
				"Copie d’un numéro", "127.0.0.1", "-05:00");

		var english = Jsoup.parse(admin.get("/admin/audit?lang=en&" + person).body());
		assertThat(english.select(".audit-action").eachText()).containsExactly("Issue copied", "Tag added");
	}

	@Test
	void onlyThoseAllowedToReadTheLogReadIt() {
		var reader = AdminSession.login(this.port, this.people.create(Role.READER));
		assertThat(reader.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(reader.get("/admin/audit/export.csv").statusCode()).isEqualTo(403);
	}

	private JsonNode entries(String query) {
		var response = http().api("GET", "/api/v1/audit?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return read(response.body());
	}

	// the entries about one target, newest first
	private List<JsonNode> about(String targetId) {
		return StreamSupport.stream(entries("kind=SUBSCRIBER&size=500").get("entries").spliterator(), false)
			.filter(entry -> targetId.equals(entry.get("targetId").asString(null)))
			.toList();
	}

	private static List<String> actions(JsonNode page) {
		return StreamSupport.stream(page.get("entries").spliterator(), false)
			.map(entry -> entry.get("action").asString())
			.toList();
	}

	private static List<String> changes(JsonNode entry) {
		return StreamSupport.stream(entry.get("changes").spliterator(), false)
			.map(change -> change.get("field").asString() + ": " + change.get("before").asString(null) + " → "
					+ change.get("after").asString(null))
			.toList();
	}

	private JsonNode read(String body) {
		return this.json.readTree(body);
	}

}

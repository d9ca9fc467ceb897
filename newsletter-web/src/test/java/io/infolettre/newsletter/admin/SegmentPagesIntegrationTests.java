package io.infolettre.newsletter.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The segment editor's answers, and an issue's audience chosen among lists and segments. */
class SegmentPagesIntegrationTests extends AbstractIntegrationTests {

	private final String u = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	SubscriberManagement management;

	private AdminSession admin;

	@BeforeEach
	void login() {
		this.admin = AdminSession.login(this.port);
	}

	@Test
	void anIssuesAudienceIsASegmentChosenOnItsPage() {
		Instant now = Instant.now();
		this.management.addAll(List.of("a", "b", "c")
			.stream()
			.map(who -> new Subscriber(EmailAddress.of(who + "." + this.u + "@pages.exemple.ca"), who, "Côté", null,
					who.equals("c") ? "en" : "fr", Consent.express(Consent.Channel.ADMIN, "test", "Oui", null, now), now)
				.withTag("tag-" + this.u))
			.toList());
		String segment = new TestIssues(http()).read(http().api("POST", "/api/v1/segments", """
				{"name": "Étiquetés en français %s", "rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["tag-%s"]},
				  {"type": "rule", "subject": "LANGUAGE", "operator": "EQUALS", "values": ["fr"]}]}}
				""".formatted(this.u, this.u)).body()).get("id").asString();
		String issue = new TestIssues(http()).draftFor("liste-" + this.u, List.of("x." + this.u + "@pages.exemple.ca"));

		assertThat(this.admin.page("/admin/issues/" + issue).select("#audience-list option[value=segment:" + segment + "]").text())
			.isEqualTo("Segment « Étiquetés en français " + this.u + " »");
		this.admin.submit("/admin/issues/" + issue, "/admin/issues/" + issue + "/audience", "list", "segment:" + segment);

		assertThat(new TestIssues(http()).read(http().api("GET", "/api/v1/issues/" + issue).body())
			.get("audienceSegment")
			.asString()).isEqualTo(segment);
		Document page = this.admin.page("/admin/issues/" + issue);
		assertThat(page.getElementById("audience-segment").text()).as(page.select("dd").outerHtml()).isEqualTo("Segment « Étiquetés en français " + this.u + " »");
		assertThat(page.getElementById("audience-size").text()).isEqualTo("2");
		assertThat(page.select("#audience-list option[selected]").attr("value")).isEqualTo("segment:" + segment);
		assertThat(http().api("DELETE", "/api/v1/segments/" + segment).statusCode()).isEqualTo(409);
		assertThat(this.admin.page("/admin/segments").select("tr[data-segment=" + segment + "] a").text())
			.isEqualTo("Étiquetés en français " + this.u);
	}

	@Test
	void aValueChangeRefreshesTheCountAndShowsARulesErrorInPlace() {
		Document answer = fragment("/admin/segments/preview", "c:r-1:subject", "ATTRIBUTE", "c:r-1:attribute",
				"membreDepuis", "c:r-1:operator", "AFTER", "c:r-1:values", "hier");
		assertThat(answer.getElementById("preview-error").text())
			.isEqualTo("Règle 1 : Membre depuis : date attendue (AAAA-MM-JJ) : « hier »");
		assertThat(answer.getElementById("error-r-1").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.getElementById("error-r-1").text()).startsWith("Règle 1 :");
		assertThat(answer.getElementById("error-r").text()).as("other rules' errors are cleared").isEmpty();

		Document fixed = fragment("/admin/segments/preview", "c:r-1:subject", "TAG", "c:r-1:operator", "EQUALS",
				"c:r-1:values", "aucune-" + this.u);
		assertThat(fixed.getElementById("segment-count").text()).isEqualTo("0");
		assertThat(fixed.getElementById("error-r-1").text()).isEmpty();
	}

	@Test
	void theEditorsButtonsReshapeTheTree() {
		Document grown = fragment("/admin/segments/editor?action=add-group:r", "c:r-1:subject", "TAG", "c:r-1:operator",
				"EQUALS", "c:r-1:values", "x");
		assertThat(grown.getElementById("node-r-2").hasClass("segment-group")).isTrue();
		assertThat(grown.getElementById("junction-label-r-2").text()).isEqualTo("Au moins une de ces conditions (OU)");
		assertThat(grown.getElementById("subject-r-2-1")).isNotNull();

		Document negated = fragment("/admin/segments/editor?action=not:r-2", "c:r-1:subject", "TAG", "c:r-1:values", "x",
				"g:r-2:junction", "OR", "c:r-2-1:subject", "LANGUAGE", "c:r-2-1:values", "en");
		assertThat(negated.getElementById("node-r-2").text()).contains("SAUF");

		Document removed = fragment("/admin/segments/editor?action=remove:r-1", "c:r-1:subject", "TAG", "c:r-1:values",
				"x", "g:r-2:junction", "OR", "c:r-2-1:subject", "LANGUAGE", "c:r-2-1:values", "en");
		assertThat(removed.getElementById("node-r-1").hasClass("segment-group")).as("the group moved up").isTrue();
		assertThat(removed.getElementById("values-r-1-1").val()).isEqualTo("en");
	}

	@Test
	void theEditorSpeaksEnglishToo() {
		Document page = this.admin.page("/admin/segments/new?lang=en");
		assertThat(page.select("h1").text()).isEqualTo("New segment");
		assertThat(page.getElementById("add-rule-r").text()).isEqualTo("+ Rule");
		assertThat(page.getElementById("segment-count")).isNotNull();
		this.admin.page("/admin/segments/new?lang=fr");
	}

	private Document fragment(String path, String... fields) {
		var response = this.admin.submit("/admin/segments/new", path, fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}

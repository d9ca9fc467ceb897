package io.infolettre.newsletter.system;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestPeople;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person whose role lacks a page's permission sees: a page in their language that says so,
 * with a way back, and never what the refused form would have answered.
 */
class AccessRefusalIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	TestPeople people;

	@Test
	void aReaderIsToldInFrenchThatTheirRoleDoesNotOpenThePage() {
		var reader = AdminSession.login(this.port, this.people.create(Role.READER));

		var refused = reader.get("/admin/issues", "Referer", "http://127.0.0.1:" + this.port + "/admin/calendar");

		assertThat(refused.statusCode()).isEqualTo(403);
		var page = Jsoup.parse(refused.body());
		assertThat(page.select("h1").text()).isEqualTo("Accès refusé");
		assertThat(page.select("#forbidden-text").text())
			.isEqualTo("Votre rôle ne donne pas accès à cette page ou à cette action.");
		assertThat(page.select("#forbidden-back").attr("href")).isEqualTo("/admin/calendar");
		assertThat(page.select("#forbidden-home").attr("href")).isEqualTo("/admin/calendar");
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("${");
	}

	@Test
	void inEnglishWithoutAPageToGoBackTo() {
		var reader = AdminSession.login(this.port, this.people.create(Role.READER));

		var page = Jsoup.parse(reader.get("/admin/subscribers?lang=en").body());

		assertThat(page.select("h1").text()).isEqualTo("Access denied");
		assertThat(page.select("#forbidden-back")).as("no page to go back to").isEmpty();
		assertThat(page.select("#forbidden-home").text()).isEqualTo("Go to the calendar");
	}

	@Test
	void aRefusedFormIsRefusedBeforeItsFieldsAreRead() {
		var reader = AdminSession.login(this.port, this.people.create(Role.READER));

		var refused = reader.submit("/admin/calendar", "/admin/issues/new");

		assertThat(refused.statusCode()).as("not the 400 of a missing title").isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).select("#forbidden-text")).isNotEmpty();
	}

}

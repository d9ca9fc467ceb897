package io.infolettre.newsletter.admin;

import java.net.http.HttpRequest;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestPeople;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * « Jetons d'API » as a person uses it: create a token (its secret shown on the next page only), see
 * it listed with its role, use it, revoke it.
 */
class ApiTokenPagesIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	TestPeople people;

	@Test
	void aPersonCreatesATokenSeesItOnceAndRevokesIt() {
		var approver = this.people.create(Role.APPROVER);
		var session = AdminSession.login(this.port, approver);

		var empty = session.page("/admin/account/tokens");
		assertThat(empty.select("#api-tokens-none").text()).isEqualTo("Vous n’avez encore aucun jeton.");
		assertThat(empty.select("#api-token-role option").eachAttr("value")).as("their role, then the narrower ones")
			.containsExactly("APPROVER", "READER");
		assertThat(empty.select("#api-token-role option").eachText()).containsExactly("Approbation", "Lecture");

		var created = session.submit("/admin/account/tokens", "/admin/account/tokens", "name", "Rapport du lundi",
				"role", "READER");
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/admin/account/tokens#api-tokens"));
		var once = session.page("/admin/account/tokens");
		String secret = once.select("#api-token-value").text();
		assertThat(secret).startsWith("ifl_");
		assertThat(once.select("#api-token-secret").text()).contains("Rapport du lundi")
			.contains("il ne sera plus jamais affiché");
		assertThat(once.select("#api-tokens-list tbody tr").text()).contains("Rapport du lundi", "Lecture", "jamais");

		assertThat(session.page("/admin/account/tokens").select("#api-token-secret")).as("shown once").isEmpty();
		assertThat(calendar(secret).statusCode()).isEqualTo(200);
		assertThat(session.page("/admin/account/tokens").select("#api-tokens-list tbody tr td").get(3).text())
			.as("its last use").doesNotContain("jamais");

		String id = once.select("#api-tokens-list tbody tr").attr("data-token-id");
		var revoked = session.submit("/admin/account/tokens", "/admin/account/tokens/" + id + "/revoke");
		assertThat(revoked.statusCode()).isEqualTo(302);
		var after = session.page("/admin/account/tokens");
		assertThat(after.select("#api-token-revoked").text()).contains("Rapport du lundi");
		assertThat(after.select("#api-tokens-list tbody tr").text()).contains("Révoqué");
		assertThat(calendar(secret).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutANameOrSomeoneElsesIsRefused() {
		var coordinator = this.people.create(Role.COORDINATOR);
		var session = AdminSession.login(this.port, coordinator);
		var other = AdminSession.login(this.port, this.people.create(Role.COORDINATOR));
		other.submit("/admin/account/tokens", "/admin/account/tokens", "name", "Le mien");
		String othersId = other.page("/admin/account/tokens").select("#api-tokens-list tbody tr").attr("data-token-id");

		session.submit("/admin/account/tokens", "/admin/account/tokens", "name", "   ");
		assertThat(session.page("/admin/account/tokens").select("#api-token-problem").text())
			.isEqualTo("Donnez un nom au jeton (par exemple le script qui l’utilisera).");
		assertThat(session.submit("/admin/account/tokens", "/admin/account/tokens/" + othersId + "/revoke").statusCode())
			.isEqualTo(404);
		assertThat(other.page("/admin/account/tokens").select("#api-tokens-list tbody tr").text()).doesNotContain("Révoqué");
	}

	private java.net.http.HttpResponse<String> calendar(String secret) {
		return http().send(HttpRequest.newBuilder(http().local("/api/v1/calendar"))
			.header("Authorization", "Bearer " + secret)
			.GET());
	}

}

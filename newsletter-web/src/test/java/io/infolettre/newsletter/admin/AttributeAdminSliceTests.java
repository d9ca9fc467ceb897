package io.infolettre.newsletter.admin;

import java.nio.charset.StandardCharsets;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.support.InMemoryAttributeDefinitions;
import io.infolettre.newsletter.support.WebSliceTest;
import io.infolettre.newsletter.system.WebSliceSecurity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The form that defines an attribute, on the application's web layer, Thymeleaf pages and security
 * without a server: a coordinator's bad name or a choice without values comes back as the page with
 * the reason in French and what is already defined (422), an unknown type is refused (400), and a
 * good definition is saved with its choices one a line. The form needs a coordinator and the page's
 * CSRF token. Definitions are kept in a map (InMemoryAttributeDefinitions): what is tested is the
 * form, not the storage.
 */
@WebSliceTest(AttributeAdminController.class)
class AttributeAdminSliceTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemoryAttributeDefinitions definitions;

	@BeforeEach
	void onlyTheSector() {
		this.definitions.clear();
		save("name", "secteur", "label", "Secteur", "type", "CHOICE", "choices", "Génie");
	}

	@Test
	void aGoodDefinitionIsSavedWithItsChoicesOneALine() {
		var saved = save("name", "parc", "label", "Parc industriel", "type", "CHOICE", "choices",
				"Parc de Chicoutimi\r\nParc de Jonquière, Parc de Chicoutimi\r\n");

		assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/attributes");
		assertThat(saved).flash().containsEntry("notice", "attributes.saved");
		assertThat(this.definitions.find("parc")).get().satisfies(parc -> {
			assertThat(parc.type()).isEqualTo(AttributeType.CHOICE);
			assertThat(parc.choices()).containsExactly("Parc de Chicoutimi", "Parc de Jonquière");
		});
	}

	@Test
	void aBadNameComesBackWithTheReasonAndWhatIsDefined() {
		var refused = save("name", "2 mots", "label", "Deux mots", "type", "TEXT");

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		var page = page(refused);
		assertThat(page.select("#form-error").text()).startsWith("Nom d’attribut invalide");
		assertThat(page.select("#attributes tr[data-name]").eachAttr("data-name")).containsExactly("secteur");
		assertThat(page.select("h1").text()).isEqualTo("Attributs");
		assertThat(this.definitions.all()).hasSize(1);
	}

	@Test
	void aChoiceWithoutValuesComesBackWithTheReason() {
		var refused = save("name", "region", "label", "Région", "type", "CHOICE", "choices", " \r\n , ");

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(page(refused).select("#form-error").text()).isEqualTo("Un attribut à choix a au moins une valeur permise");
		assertThat(this.definitions.find("region")).isEmpty();
	}

	@Test
	void aTypeThatDoesNotExistIsRefused() {
		assertThat(save("name", "couleur", "type", "COULEUR")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.definitions.find("couleur")).isEmpty();
	}

	@Test
	void theFormWantsACoordinatorAndThePagesToken() {
		var anonymous = this.mvc.get().uri("/admin/attributes").exchange();
		var reader = this.mvc.get().uri("/admin/attributes").with(as(WebSliceSecurity.READER)).exchange();
		var withoutToken = this.mvc.post()
			.uri("/admin/attributes")
			.with(as(WebSliceSecurity.ADMIN))
			.param("name", "sans-jeton")
			.param("type", "TEXT")
			.exchange();

		assertThat(anonymous).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
		assertThat(reader).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(withoutToken).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.definitions.find("sans-jeton")).isEmpty();
	}

	private MvcTestResult save(String... fields) {
		var request = this.mvc.post().uri("/admin/attributes").with(as(WebSliceSecurity.ADMIN)).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	private static Document page(MvcTestResult result) {
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	// a session of a signed-in user, as the login form leaves it (the form login itself is the
	// integration tests' concern)
	private static RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(username)
			.authorities(WebSliceSecurity.authorities(username.equals(WebSliceSecurity.ADMIN) ? Role.ADMIN : Role.READER));
	}

}

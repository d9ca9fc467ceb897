package io.infolettre.newsletter.api;

import java.util.List;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.support.InMemoryAttributeDefinitions;
import io.infolettre.newsletter.support.WebSliceTest;
import io.infolettre.newsletter.system.WebSliceSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * How the attributes API reads a definition, on the application's web layer and security without a
 * server: the definition is the real one and refuses a bad name or a choice without values; a type
 * that does not exist is refused while the body is read; each refusal is a problem detail in French
 * (in English when asked), and nothing is saved. The definitions are kept in a map
 * (InMemoryAttributeDefinitions): what is tested is the request, not the storage.
 */
@WebSliceTest(AttributeApiController.class)
class AttributeApiSliceTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemoryAttributeDefinitions definitions;

	@BeforeEach
	void noDefinitions() {
		this.definitions.clear();
	}

	@Test
	void aDefinitionIsSavedWithItsChoices() {
		var saved = put("secteur-2", """
				{"label":"Secteur d’activité","type":"CHOICE","choices":["Génie","Métallurgie"]}""");

		assertThat(saved).hasStatus(HttpStatus.OK);
		assertThat(saved).bodyJson().extractingPath("$.label").isEqualTo("Secteur d’activité");
		assertThat(this.definitions.find("secteur-2")).contains(new AttributeDefinition("secteur-2",
				"Secteur d’activité", AttributeType.CHOICE, List.of("Génie", "Métallurgie"), false));
	}

	@Test
	void aChoiceWithoutValuesIsRefusedByTheDefinitionInFrench() {
		var refused = put("secteur-2", """
				{"label":"Secteur","type":"CHOICE"}""");

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo("Requête invalide");
		assertThat(refused).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Un attribut à choix a au moins une valeur permise");
		assertThat(this.definitions.all()).isEmpty();
	}

	@Test
	void aNameThatIsNotOneIsRefused() {
		var refused = put("2-mots", """
				{"label":"Deux mots","type":"TEXT"}""");

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().startsWith("Nom d’attribut invalide");
		assertThat(this.definitions.all()).isEmpty();
	}

	@Test
	void aTypeThatDoesNotExistIsAProblemInFrenchOrInEnglish() {
		String json = """
				{"label":"Couleur","type":"COULEUR"}""";

		var french = put("couleur", json);
		var english = this.mvc.put()
			.uri("/api/v1/attributes/couleur")
			.with(httpBasic(WebSliceSecurity.ADMIN, WebSliceSecurity.PASSWORD))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA,en;q=0.8")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();

		assertThat(french).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(french).bodyJson().extractingPath("$.title").isEqualTo("Requête illisible");
		assertThat(french).bodyJson().extractingPath("$.detail").asString().contains("valeurs permises");
		assertThat(english).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(english).bodyJson().extractingPath("$.title").isEqualTo("Unreadable request");
		assertThat(this.definitions.all()).isEmpty();
	}

	@Test
	void anUnknownAttributeIsNotFound() {
		var missing = this.mvc.get()
			.uri("/api/v1/attributes/inconnu")
			.with(httpBasic(WebSliceSecurity.ADMIN, WebSliceSecurity.PASSWORD))
			.exchange();

		assertThat(missing).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing).bodyJson().extractingPath("$.title").isEqualTo("Introuvable");
	}

	private MvcTestResult put(String name, String json) {
		return this.mvc.put()
			.uri("/api/v1/attributes/" + name)
			.with(httpBasic(WebSliceSecurity.ADMIN, WebSliceSecurity.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}

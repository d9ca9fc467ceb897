package io.infolettre.newsletter.api;

import java.util.UUID;

import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The preflight's checks of images and blocks, on issues written through the API. */
class BlocksPreflightIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	private MediaLibrary library;

	private TestIssues issues;

	@BeforeEach
	void issues() {
		this.issues = new TestIssues(http());
	}

	private JsonNode preflight(String variants) {
		var created = http().api("POST", "/api/v1/issues", """
				{"title":"Vérification %s","variants":%s}
				""".formatted(UUID.randomUUID(), variants));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = this.issues.read(created.body()).get("id").asString();
		return this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/preflight").body()).get("checks");
	}

	private static JsonNode check(JsonNode checks, String name, String language) {
		return checks.valueStream()
			.filter(c -> c.get("name").asString().equals(name)
					&& (language == null || language.equals(c.get("language").asString(null))))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not in " + checks));
	}

	@Test
	void libraryImagesThatExistPassAndTheirWeightIsTold() {
		var photo = this.library.upload("Quai", TestImages.jpeg(TestImages.photo(900, 600), 0.8f));
		var checks = preflight("""
				{"fr":{"subject":"Objet","blocks":[{"type":"image","mediaId":"%s","alt":"Le quai"}]}}
				""".formatted(photo.id()));
		assertThat(check(checks, "images", "fr").get("outcome").asString()).isEqualTo("PASS");
		assertThat(check(checks, "imageLoads", "fr").get("outcome").asString()).isEqualTo("PASS");
		assertThat(check(checks, "imageLoads", "fr").get("reason").asString()).isEqualTo("1 image(s), chacune se charge.");
		assertThat(check(checks, "imageWeight", "fr").get("outcome").asString()).isEqualTo("PASS");
		assertThat(check(checks, "imageWeight", "fr").get("reason").asString())
			.isEqualTo("Les images pèsent " + Math.round(photo.emailVariant().bytes() / 1024.0) + " Ko.");
	}

	@Test
	void anImageGoneFromTheLibraryOrThatCannotLoadFails() {
		var checks = preflight("""
				{"fr":{"subject":"Objet","blocks":[
				  {"type":"image","mediaId":"disparue","alt":"Une image supprimée"},
				  {"type":"markdown","body":"Texte et ![](https://127.0.0.1:9/graphique.png)"}]}}
				""");
		var loads = check(checks, "imageLoads", "fr");
		assertThat(loads.get("outcome").asString()).isEqualTo("FAIL");
		assertThat(loads.get("reason").asString()).contains("l'image « disparue » n'est plus dans la médiathèque",
				"https://127.0.0.1:9/graphique.png : adresse privée");
		// the Markdown image has an empty alt text: a screen reader says nothing of it
		var alt = check(checks, "images", "fr");
		assertThat(alt.get("outcome").asString()).isEqualTo("FAIL");
		assertThat(alt.get("reason").asString()).contains("https://127.0.0.1:9/graphique.png");
	}

	@Test
	void anEnglishVariantWithAnotherNumberOfBlocksIsWorthALook() {
		var differs = preflight("""
				{"fr":{"subject":"Objet","blocks":[{"type":"heading","text":"Titre"},{"type":"divider"},{"type":"text","html":"<p>Texte</p>"}]},
				 "en":{"subject":"Subject","blocks":[{"type":"heading","text":"Title"}]}}
				""");
		var count = check(differs, "blockCount", "en");
		assertThat(count.get("outcome").asString()).isEqualTo("WARN");
		assertThat(count.get("reason").asString()).isEqualTo("La version anglaise a 1 bloc(s), la française 3 : "
				+ "vérifiez qu'il ne manque rien à l'une d'elles.");

		var same = preflight("""
				{"fr":{"subject":"Objet","blocks":[{"type":"heading","text":"Titre"}]},
				 "en":{"subject":"Subject","blocks":[{"type":"heading","text":"Title"}]}}
				""");
		assertThat(check(same, "blockCount", "en").get("outcome").asString()).isEqualTo("PASS");
		var french = preflight("""
				{"fr":{"subject":"Objet","blocks":[{"type":"heading","text":"Titre"}]}}
				""");
		assertThat(french.valueStream().map(c -> c.get("name").asString())).doesNotContain("blockCount");
	}

}

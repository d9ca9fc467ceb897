package io.infolettre.newsletter.api;

import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved blocks (« Blocs enregistrés ») through the API: kept, listed by name, renamed, deleted. */
class SavedBlockApiIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	private MediaLibrary library;

	private TestIssues json;

	@BeforeEach
	void json() {
		this.json = new TestIssues(http());
	}

	private String save(String body) {
		var saved = http().api("POST", "/api/v1/saved-blocks", body);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		assertThat(saved.headers().firstValue("Location")).isPresent();
		return this.json.read(saved.body()).get("id").asString();
	}

	@Test
	void aBlockIsSavedListedByNameRenamedAndDeleted() {
		String zebra = save("""
				{"name":"Zèbre","block":{"type":"divider"}}
				""");
		String box = save("""
				{"name":"  Avantages membres  ","block":{"type":"news","title":"Vos avantages","html":"<p>Rabais de 10 %% chez ${company!'nos partenaires'}<script>x()</script></p>"}}
				""".formatted());
		var list = this.json.read(http().api("GET", "/api/v1/saved-blocks").body());
		var names = list.valueStream().map(b -> b.get("name").asString()).toList();
		assertThat(names).containsSubsequence("Avantages membres", "Zèbre");
		var saved = list.valueStream().filter(b -> b.get("id").asString().equals(box)).findFirst().orElseThrow();
		assertThat(saved.get("block").get("type").asString()).isEqualTo("news");
		assertThat(saved.get("block").get("html").asString()).contains("${company!'nos partenaires'}").doesNotContain("script");
		assertThat(saved.get("createdAt").isNull()).isFalse();

		var renamed = http().api("PATCH", "/api/v1/saved-blocks/" + box, """
				{"name":"Avantages des membres"}
				""");
		assertThat(renamed.statusCode()).isEqualTo(200);
		assertThat(this.json.read(http().api("GET", "/api/v1/saved-blocks/" + box).body()).get("name").asString())
			.isEqualTo("Avantages des membres");

		assertThat(http().api("DELETE", "/api/v1/saved-blocks/" + zebra).statusCode()).isEqualTo(204);
		assertThat(http().api("DELETE", "/api/v1/saved-blocks/" + zebra).statusCode()).isEqualTo(404);
		assertThat(http().api("GET", "/api/v1/saved-blocks/" + zebra).statusCode()).isEqualTo(404);
	}

	@Test
	void anInvalidBlockOrANamelessOneIsRefused() {
		var invalid = http().api("POST", "/api/v1/saved-blocks", """
				{"name":"Bouton","block":{"type":"button","label":"Clic"}}
				""");
		assertThat(invalid.statusCode()).isEqualTo(400);
		var problem = this.json.read(invalid.body());
		assertThat(problem.get("field").asString()).isEqualTo("url");
		assertThat(problem.get("pointer").asString()).isEqualTo("/block/url");
		assertThat(problem.get("detail").asString()).contains("champ « adresse » (url) : obligatoire");

		var nameless = http().api("POST", "/api/v1/saved-blocks", """
				{"name":" ","block":{"type":"divider"}}
				""");
		assertThat(nameless.statusCode()).isEqualTo(400);
		assertThat(nameless.body()).contains("Le nom du bloc enregistré est obligatoire.");
		assertThat(http().api("POST", "/api/v1/saved-blocks", """
				{"name":"Rien"}
				""").statusCode()).isEqualTo(400);
	}

	@Test
	void theImageOfASavedBlockIsInUse() {
		var photo = this.library.upload("Logo partenaire", TestImages.png(TestImages.transparentLogo(300, 100)));
		String id = save("""
				{"name":"Logo du partenaire","block":{"type":"columns","left":[{"type":"image","mediaId":"%s","alt":"Partenaire"}],"right":[]}}
				""".formatted(photo.id()));
		assertThat(this.library.usesOf(photo.id())).contains(new MediaUse(MediaUse.SAVED_BLOCK, id, "Logo du partenaire"));
		assertThat(http().api("DELETE", "/api/v1/media/" + photo.id()).statusCode()).isEqualTo(409);
	}

}

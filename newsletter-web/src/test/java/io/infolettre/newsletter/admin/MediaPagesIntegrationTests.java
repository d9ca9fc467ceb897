package io.infolettre.newsletter.admin;

import java.util.List;

import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.Multipart;
import io.infolettre.newsletter.support.TestMediaUses;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library page over real HTTP with a coordinator's session: the form without script (a
 * page that says what happened), the JSON addresses the page's script and the editor use, the grid
 * with where each image is used, the deletion of an unused one, and an upload too large refused
 * before it is read.
 */
class MediaPagesIntegrationTests extends AbstractIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MediaLibrary library;

	@Autowired
	TestMediaUses uses;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theFormUploadsAnImageAndThePageShowsItWithItsSizeAndWeight() {
		var admin = AdminSession.login(this.port);
		String name = "Quai d’Alma " + System.nanoTime();

		var response = admin.upload("/admin/media", "/admin/media", new Multipart().field("name", name)
			.file("file", "quai.jpg", "image/jpeg", TestImages.resource("media/photo-gps.jpg")), "text/html");

		assertThat(response.statusCode()).isEqualTo(302);
		var page = Jsoup.parse(admin.get("/admin/media").body());
		assertThat(page.getElementById("media-uploaded").text()).isEqualTo("Image « " + name + " » ajoutée.");
		Element card = card(page, name);
		assertThat(card.select(".media-dimensions").text()).isEqualTo("1600 × 1000 px");
		assertThat(card.select(".media-weight").text()).endsWith("Ko");
		assertThat(card.select(".media-variants").text()).isEqualTo("Variantes : 600, 1200 px");
		assertThat(card.select(".media-uses").text()).isEqualTo("Inutilisée");
		assertThat(card.select("img").attr("src")).matches("/media/[A-Za-z0-9_-]{22}/600\\.jpg");
		assertThat(card.select("img").attr("alt")).isEqualTo(name);
		assertThat(card.select("form.media-delete")).hasSize(1);
		assertThat(admin.download(card.select("img").attr("src")).statusCode()).isEqualTo(200);
	}

	@Test
	void aRefusedFileIsSaidOnThePageAndNothingIsStored() {
		var admin = AdminSession.login(this.port);
		long before = this.mongo.getCollection("media.files").countDocuments(new Document());

		admin.upload("/admin/media", "/admin/media", new Multipart().file("file", "shell.png", "image/png",
				"<?php system($_GET['c']); ?>".getBytes()), "text/html");

		var page = Jsoup.parse(admin.get("/admin/media").body());
		assertThat(page.getElementById("media-problem").text()).contains("n’est pas une image").contains("texte");
		assertThat(this.mongo.getCollection("media.files").countDocuments(new Document())).isEqualTo(before);
	}

	@Test
	void theScriptsUploadAndListAsJsonWithTheSessionAndItsToken() {
		var admin = AdminSession.login(this.port);
		String name = "json-" + System.nanoTime();

		var created = admin.upload("/admin/media", "/admin/media/upload", new Multipart().field("name", name)
			.file("file", "logo.png", "image/png", TestImages.png(TestImages.transparentLogo(90, 90))), "application/json");
		var refused = admin.upload("/admin/media", "/admin/media/upload",
				new Multipart().file("file", "logo.svg", "image/svg+xml", "<svg/>".getBytes()), "application/json");

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode image = this.json.readTree(created.body());
		assertThat(image.get("name").asString()).isEqualTo(name);
		assertThat(image.get("contentType").asString()).isEqualTo("image/png");
		assertThat(image.get("url").asString()).endsWith("/image.png");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(refused.body()).get("detail").asString()).contains("SVG");
		JsonNode listed = this.json.readTree(admin.get("/admin/media/images?q=" + name).body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(image.get("id").asString());
	}

	@Test
	void aUsedImageShowsWhereAndCannotBeDeletedAnUnusedOneIsDeleted() {
		var admin = AdminSession.login(this.port);
		String tag = String.valueOf(System.nanoTime());
		MediaFile used = this.library.upload("utilisée " + tag, TestImages.png(TestImages.transparentLogo(50, 50)));
		MediaFile unused = this.library.upload("libre " + tag, TestImages.png(TestImages.transparentLogo(50, 50)));
		this.uses.use(used.id(), new MediaUse(MediaUse.ISSUE, "6b0825c8616373ee2861297e", "Infolettre de décembre"),
				new MediaUse(MediaUse.SAVED_BLOCK, "b1", "Avantages membres"));
		try {
			var page = Jsoup.parse(admin.get("/admin/media?q=" + tag).body());
			Element usedCard = card(page, "utilisée " + tag);
			assertThat(usedCard.select(".media-uses").text())
				.isEqualTo("Utilisée dans : Infolettre de décembre le bloc enregistré « Avantages membres »");
			assertThat(usedCard.select(".media-uses a").attr("href")).isEqualTo("/admin/issues/6b0825c8616373ee2861297e");
			assertThat(usedCard.select("form.media-delete")).isEmpty();
			assertThat(usedCard.select(".media-keep").text()).isEqualTo("Utilisée : non supprimable");

			var refused = admin.submit("/admin/media", "/admin/media/" + used.id() + "/delete");
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(Jsoup.parse(admin.get("/admin/media").body()).getElementById("media-problem").text())
				.contains("« Infolettre de décembre »");
			assertThat(this.library.find(used.id())).isPresent();

			admin.submit("/admin/media", "/admin/media/" + unused.id() + "/delete");
			var after = Jsoup.parse(admin.get("/admin/media?q=" + tag).body());
			assertThat(after.getElementById("media-deleted").text()).isEqualTo("Image « libre " + tag + " » supprimée.");
			assertThat(after.select(".media-name").eachText()).containsExactly("utilisée " + tag);
			assertThat(this.library.find(unused.id())).isEmpty();
		}
		finally {
			this.uses.forget(used.id());
		}
	}

	@Test
	void aFormUploadLargerThanTheLimitGetsTheTooLargePageBeforeItIsRead() {
		var admin = AdminSession.login(this.port);

		var response = admin.upload("/admin/media", "/admin/media",
				new Multipart().file("file", "enorme.jpg", "image/jpeg", new byte[30 * 1024 * 1024]), "text/html");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Jsoup.parse(response.body()).text()).contains("Fichier trop volumineux");
	}

	@Test
	void thePageIsInEnglishToo() {
		var admin = AdminSession.login(this.port);

		var page = Jsoup.parse(admin.get("/admin/media?lang=en").body());

		assertThat(page.select("h1").text()).isEqualTo("Media library");
		assertThat(page.getElementById("nav-media").text()).isEqualTo("Media library");
		assertThat(page.select("#media-upload p.small").text()).isEqualTo("PNG, JPEG, GIF (animated too) or WebP, 10 MB at most.");
	}

	private static Element card(org.jsoup.nodes.Document page, String name) {
		List<Element> cards = page.select(".media-card")
			.stream()
			.filter(card -> card.select(".media-name").text().equals(name))
			.toList();
		assertThat(cards).as("the card of " + name).hasSize(1);
		return cards.get(0);
	}

}

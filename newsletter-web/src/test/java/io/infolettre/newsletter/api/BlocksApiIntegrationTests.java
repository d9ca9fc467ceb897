package io.infolettre.newsletter.api;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaInUse;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An issue written as blocks through the API: every block type saved and read back, previewed,
 * kept in the history, refused with its position, and received by a real SMTP server as a member
 * would read it; its images counted as used by the media library.
 */
class BlocksApiIntegrationTests extends AbstractIntegrationTests {

	private final String list = "blocs-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private MediaLibrary library;

	private TestIssues issues;

	private MediaFile photo;

	@BeforeEach
	void setUp() {
		this.issues = new TestIssues(http());
		this.photo = this.library.upload("Usine au lever du jour", TestImages.jpeg(TestImages.photo(1280, 800), 0.85f));
	}

	/** One block of each type, the image from the library. */
	private String everyBlock() {
		return """
				[
				 {"type":"heading","text":"Bonjour ${firstName!'Membre'}","level":2},
				 {"type":"text","html":"<p>Un <strong>texte</strong> avec <a href=\\"https://exemple.ca/a\\">un lien</a><script>alert(1)</script></p>"},
				 {"type":"image","mediaId":"%s","alt":"L'usine au lever du jour","link":"https://exemple.ca/usine","caption":"Photo : l'équipe"},
				 {"type":"button","label":"Lire la suite","url":"https://exemple.ca/suite"},
				 {"type":"divider"},
				 {"type":"columns","left":[{"type":"text","html":"<p>À gauche</p>"}],"right":[{"type":"button","label":"À droite","url":"https://exemple.ca/droite"}]},
				 {"type":"event","title":"5 à 7 des membres","startsAt":"2027-01-21T17:00","endsAt":"2027-01-21T19:00","place":"Salle des Bâtisseurs","price":"Gratuit","html":"<p>Réseautage.</p>","url":"https://exemple.ca/inscription"},
				 {"type":"training","title":"Lean manufacturier","when":"Janvier à avril","duration":"Six demi-journées","url":"https://exemple.ca/lean"},
				 {"type":"news","title":"Du côté des membres","html":"<p>${company!'Votre entreprise'} à l'honneur.</p>"},
				 {"type":"survey","title":"Votre avis compte","question":"Cinq minutes ?","url":"https://exemple.ca/sondage"},
				 {"type":"markdown","body":"## En bref\\n\\n- Assemblée le **15 mai**\\n"}
				]
				""".formatted(this.photo.id());
	}

	private String create() {
		this.issues.draftFor(this.list, List.of("lecteur@" + this.list + ".exemple.ca"));
		var created = http().api("POST", "/api/v1/issues", """
				{"title":"Infolettre en blocs","list":"%s",
				 "variants":{"fr":{"subject":"${firstName!'Membre'}, votre infolettre","preheader":"Ce mois-ci","blocks":%s},
				             "en":{"subject":"${firstName!'Member'}, your newsletter","blocks":[{"type":"heading","text":"Hello"},{"type":"image","mediaId":"%s","alt":"The plant"}]}}}
				""".formatted(this.list, everyBlock(), this.photo.id()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.issues.read(created.body()).get("id").asString();
	}

	private JsonNode issue(String id) {
		return this.issues.read(http().api("GET", "/api/v1/issues/" + id).body());
	}

	@Test
	void everyBlockTypeIsSavedAndReadBackAsWritten() {
		var fr = issue(create()).get("variants").get("fr");
		var blocks = fr.get("blocks");
		assertThat(blocks.size()).isEqualTo(11);
		assertThat(blocks.valueStream().map(b -> b.get("type").asString()).toList()).containsExactly("heading", "text",
				"image", "button", "divider", "columns", "event", "training", "news", "survey", "markdown");
		assertThat(blocks.get(0).get("text").asString()).isEqualTo("Bonjour ${firstName!'Membre'}");
		assertThat(blocks.get(0).get("level").asInt()).isEqualTo(2);
		assertThat(blocks.get(1).get("html").asString()).contains("<strong>texte</strong>").doesNotContain("script");
		assertThat(blocks.get(2).get("mediaId").asString()).isEqualTo(this.photo.id());
		assertThat(blocks.get(2).get("caption").asString()).isEqualTo("Photo : l'équipe");
		assertThat(blocks.get(5).get("right").get(0).get("url").asString()).isEqualTo("https://exemple.ca/droite");
		assertThat(blocks.get(6).get("startsAt").asString()).isEqualTo("2027-01-21T17:00");
		assertThat(blocks.get(8).get("html").asString()).contains("${company!'Votre entreprise'}");
		// the content is not a single Markdown block: no body
		assertThat(fr.get("body").asString()).isEmpty();
	}

	@Test
	void aMarkdownBodyIsOneMarkdownBlockAndStillABody() {
		var created = http().api("POST", "/api/v1/issues", """
				{"title":"En Markdown","subject":"Objet","body":"## Titre\\n\\nBonjour."}
				""");
		var fr = this.issues.read(created.body()).get("variants").get("fr");
		assertThat(fr.get("body").asString()).isEqualTo("## Titre\n\nBonjour.");
		assertThat(fr.get("blocks").size()).isEqualTo(1);
		assertThat(fr.get("blocks").get(0).get("type").asString()).isEqualTo("markdown");
		assertThat(fr.get("blocks").get(0).get("body").asString()).isEqualTo("## Titre\n\nBonjour.");
	}

	@Test
	void theImagesOfAnIssueAreInUseAndCannotBeDeleted() {
		String id = create();
		assertThat(this.library.usesOf(this.photo.id())).contains(new MediaUse(MediaUse.ISSUE, id, "Infolettre en blocs"));
		assertThatThrownBy(() -> this.library.delete(this.photo.id())).isInstanceOf(MediaInUse.class);
	}

	@Test
	void thePreviewShowsEveryBlockAndTheEmailVariantOfTheImage() {
		String id = create();
		var preview = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/preview").body());
		Element body = Jsoup.parse(preview.get("html").asString()).selectFirst("td.contenu");
		assertThat(body.select("h2").first().text()).isEqualTo("Bonjour Marie");
		assertThat(body.select("script")).isEmpty();
		Element img = body.selectFirst("a[href=https://exemple.ca/usine] > img");
		assertThat(img.attr("src")).isEqualTo(this.photo.emailVariant().url());
		assertThat(img.attr("srcset")).isEqualTo(this.photo.retinaVariant().url() + " 2x");
		assertThat(img.attr("width")).isEqualTo("520");
		assertThat(img.attr("height")).isEqualTo("325");
		assertThat(body.select("table.bloc-evenement p.quand").text()).isEqualTo("jeudi 21 janvier 2027, 17 h à 19 h");
		assertThat(body.select("table.colonnes td.colonne")).hasSize(2);
		assertThat(body.select("table.bloc-nouvelles").text()).contains("Aluminerie du Fjord inc. à l'honneur.");
		assertThat(body.select("h2").eachText()).contains("En bref");
		assertThat(preview.get("text").asString()).contains("== ÉVÉNEMENT : 5 à 7 des membres ==", "- Assemblée le **15 mai**");

		var english = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/preview?language=en").body());
		assertThat(Jsoup.parse(english.get("html").asString()).select("td.contenu img").attr("alt")).isEqualTo("The plant");
	}

	@Test
	void aTestMessageCarriesTheBlocksAsTheMemberReadsThem() throws Exception {
		String id = create();
		String to = "relecture@" + this.list + ".exemple.ca";
		var sent = http().api("POST", "/api/v1/issues/" + id + "/test-send", """
				{"addresses":["%s"]}
				""".formatted(to));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

		MimeMessage message = await().until(() -> Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equals(to))
			.findFirst()
			.orElse(null), m -> m != null);
		assertThat(message.getSubject()).isEqualTo("[TEST] Marie, votre infolettre");
		Element body = Jsoup.parse(part(message, "text/html")).selectFirst("td.contenu");
		Element img = body.select("img").stream()
			.filter(i -> i.attr("alt").equals("L'usine au lever du jour"))
			.findFirst()
			.orElseThrow();
		assertThat(img.attr("src")).isEqualTo(this.photo.emailVariant().url());
		assertThat(img.attr("width")).isEqualTo("520");
		assertThat(img.attr("height")).isEqualTo("325");
		assertThat(body.select("table.bouton a").eachText()).contains("Lire la suite", "À droite", "S’inscrire",
				"En savoir plus", "Répondre au sondage");
		assertThat(body.select("table.bloc-formation, table.bloc-sondage, table.bloc-nouvelles")).hasSize(3);
		assertThat(part(message, "text/plain")).contains("Lire la suite : ", "== SONDAGE : Votre avis compte ==");
	}

	@Test
	void aSendPersonalisesTheBlocksForEachMember() throws Exception {
		String list = this.list + "-envoi";
		assertThat(http().api("POST", "/api/v1/subscribers", """
				[{"email":"jerome@%1$s.exemple.ca","firstName":"Jérôme","company":"Usinage Côté","lists":["%1$s"]},
				 {"email":"anonyme@%1$s.exemple.ca","lists":["%1$s"]}]
				""".formatted(list)).statusCode()).isEqualTo(200);
		var created = http().api("POST", "/api/v1/issues", """
				{"title":"Envoi en blocs","list":"%s","variants":{"fr":{"subject":"${firstName!'Membre'}, vos nouvelles","blocks":[
				  {"type":"heading","text":"Bonjour ${firstName!'Membre'}"},
				  {"type":"news","html":"<p>${company!'Votre entreprise'} à l'honneur.</p>"},
				  {"type":"image","mediaId":"%s","alt":"Photo pour ${firstName!'vous'}"}]}}}
				""".formatted(list, this.photo.id()));
		String id = this.issues.read(created.body()).get("id").asString();
		assertThat(http().api("POST", "/api/v1/issues/" + id + "/send").statusCode()).isEqualTo(202);
		this.issues.awaitStatus(id, "SENT");

		var jerome = received("jerome@" + list + ".exemple.ca");
		assertThat(jerome.getSubject()).isEqualTo("Jérôme, vos nouvelles");
		Element body = Jsoup.parse(part(jerome, "text/html")).selectFirst("td.contenu");
		assertThat(body.select("h2").text()).isEqualTo("Bonjour Jérôme");
		assertThat(body.select("table.bloc-nouvelles").text()).contains("Usinage Côté à l'honneur.");
		assertThat(body.select("img").attr("alt")).isEqualTo("Photo pour Jérôme");
		assertThat(body.select("img").attr("src")).isEqualTo(this.photo.emailVariant().url());
		var anonymous = received("anonyme@" + list + ".exemple.ca");
		assertThat(anonymous.getSubject()).isEqualTo("Membre, vos nouvelles");
		assertThat(Jsoup.parse(part(anonymous, "text/html")).select("td.contenu h2").text()).isEqualTo("Bonjour Membre");
		assertThat(part(anonymous, "text/plain")).contains("## Bonjour Membre", "Votre entreprise à l'honneur.");
	}

	private static MimeMessage received(String to) {
		return await().until(() -> Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equals(to))
			.findFirst()
			.orElse(null), m -> m != null);
	}

	@Test
	void anEditKeepsThePreviousBlocksInTheHistory() {
		String id = create();
		var edited = http().api("PUT", "/api/v1/issues/" + id, """
				{"title":"Infolettre en blocs","variants":{"fr":{"subject":"Nouvel objet","blocks":[{"type":"heading","text":"Seul titre"}]}}}
				""");
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat(this.issues.read(edited.body()).get("variants").get("fr").get("blocks").size()).isEqualTo(1);
		var versions = this.issues.read(http().api("GET", "/api/v1/issues/" + id + "/versions").body());
		var before = versions.get(0).get("fr").get("blocks");
		assertThat(before.size()).isEqualTo(11);
		assertThat(before.get(2).get("mediaId").asString()).isEqualTo(this.photo.id());
		// the image is no longer shown: the library may delete it (the history keeps its id only)
		assertThat(this.library.usesOf(this.photo.id())).noneMatch(use -> use.id().equals(id));
	}

	@Test
	void aRefusedBlockIsA400NamingTheVariantTheBlockAndTheField() {
		var refused = http().api("POST", "/api/v1/issues", """
				{"title":"Bloc incomplet","variants":{"fr":{"subject":"Objet","blocks":[{"type":"divider"}]},
				 "en":{"subject":"Subject","blocks":[{"type":"heading","text":"Hi"},{"type":"columns","left":[{"type":"image","mediaId":"abc","alt":" "}]}]}}}
				""");
		assertThat(refused.statusCode()).isEqualTo(400);
		var problem = this.issues.read(refused.body());
		assertThat(problem.get("title").asString()).isEqualTo("Bloc invalide");
		assertThat(problem.get("detail").asString()).isEqualTo("variants.en.blocks : Bloc 2, colonne de gauche, bloc 1 "
				+ "(image), champ « texte de remplacement » (alt) : obligatoire.");
		assertThat(problem.get("language").asString()).isEqualTo("en");
		assertThat(problem.get("path").asString()).isEqualTo("2.left.1");
		assertThat(problem.get("field").asString()).isEqualTo("alt");
		assertThat(problem.get("pointer").asString()).isEqualTo("/variants/en/blocks/1/left/0/alt");

		var badUrl = http().api("POST", "/api/v1/issues", """
				{"title":"Lien piégé","variants":{"fr":{"subject":"Objet","blocks":[{"type":"button","label":"Clic","url":"javascript:alert(1)"}]}}}
				""");
		assertThat(badUrl.statusCode()).isEqualTo(400);
		assertThat(this.issues.read(badUrl.body()).get("field").asString()).isEqualTo("url");
	}

	@Test
	void aMergeFieldThatAsksForMoreIsRefusedWithItsBlock() {
		var refused = http().api("POST", "/api/v1/issues", """
				{"title":"Code","variants":{"fr":{"subject":"Objet","blocks":[{"type":"divider"},{"type":"heading","text":"${'x'?eval}"}]}}}
				""");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(this.issues.read(refused.body()).get("part").asString()).isEqualTo("Bloc 2, champ « texte » (text)");
	}

	private static String part(MimeMessage message, String type) throws Exception {
		String found = find(message.getContent(), type);
		assertThat(found).as(type).isNotNull();
		return found;
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
				String nested = find(part.getContent(), type);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

}

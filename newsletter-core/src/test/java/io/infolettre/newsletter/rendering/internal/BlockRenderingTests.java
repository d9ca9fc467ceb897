package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateProblem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each block type as the shipped block templates lay it out, in HTML (parsed) and in text. */
class BlockRenderingTests {

	private static final BlockImage PHOTO = new BlockImage("https://n.exemple.ca/media/k/600.jpg", 600, 400,
			"https://n.exemple.ca/media/k/1200.jpg", 48_000);

	private static final BlockImage NARROW = new BlockImage("https://n.exemple.ca/media/n/300.png", 300, 100,
			"https://n.exemple.ca/media/n/300.png", 9_000);

	private final FreeMarkerIssueRenderer renderer = FreeMarkerIssueRendererTests
		.renderer(FreeMarkerIssueRendererTests.TEMPLATES);

	private static List<Block> blocks(Object... json) {
		var list = new ArrayList<Map<String, Object>>();
		for (Object item : json) {
			@SuppressWarnings("unchecked")
			var map = (Map<String, Object>) item;
			list.add(map);
		}
		return Blocks.fromJson(list);
	}

	private static MessageDraft draft(String template, String language, List<Block> blocks) {
		return new MessageDraft(template, "Infolettre", "Objet", "Avant-titre", "", language, blocks,
				Map.of("photo", PHOTO, "etroite", NARROW));
	}

	private RenderedMessage render(String language, List<Block> blocks) {
		return this.renderer.compile(draft("infolettre", language, blocks)).render(RecipientModel.sample(language));
	}

	/** The body of the card, where the blocks are. */
	private static Element body(RenderedMessage message) {
		return Jsoup.parse(message.html()).selectFirst("td.contenu");
	}

	@Test
	void headingsAreOfTheirLevelInTheBrandColour() {
		Element body = body(render("fr", blocks(Map.of("type", "heading", "text", "Nouvelles"),
				Map.of("type", "heading", "text", "Détails", "level", 3))));
		assertThat(body.select("h2").text()).isEqualTo("Nouvelles");
		assertThat(body.select("h2").attr("style")).contains("color:#1d4e6f");
		assertThat(body.select("h3").text()).isEqualTo("Détails");
	}

	@Test
	void richTextIsWrittenAsSanitisedHtmlAndAsText() {
		RenderedMessage message = render("fr", blocks(Map.of("type", "text", "html",
				"<p>Un <strong>texte</strong> avec <a href=\"https://exemple.ca/a\">un lien</a>.</p><ul><li>un</li><li>deux</li></ul>"
						+ "<ol><li>premier</li></ol><p>Fin<br>ligne</p>")));
		Element body = body(message);
		assertThat(body.select("p strong").text()).isEqualTo("texte");
		assertThat(body.select("a[href=https://exemple.ca/a]").text()).isEqualTo("un lien");
		assertThat(body.select("ul li").eachText()).containsExactly("un", "deux");
		assertThat(message.text()).contains("Un texte avec un lien (https://exemple.ca/a).\n\n- un\n- deux\n\n1. premier\n\nFin\nligne");
	}

	@Test
	void anImageShowsItsEmailVariantWithItsSizeItsDoubleDensityTwinItsLinkAndCaption() {
		RenderedMessage message = render("fr", blocks(Map.of("type", "image", "mediaId", "photo", "alt",
				"L'usine au lever du jour", "link", "https://exemple.ca/usine", "caption", "Photo : Marie Tremblay"),
				Map.of("type", "image", "mediaId", "etroite", "alt", "Logo")));
		Element body = body(message);
		Element img = body.selectFirst("a[href=https://exemple.ca/usine] > img");
		assertThat(img).isNotNull();
		assertThat(img.attr("src")).isEqualTo(PHOTO.url());
		assertThat(img.attr("srcset")).isEqualTo(PHOTO.retinaUrl() + " 2x");
		assertThat(img.attr("alt")).isEqualTo("L'usine au lever du jour");
		// at most the body's width, the height in proportion: Outlook needs both attributes
		assertThat(img.attr("width")).isEqualTo("520");
		assertThat(img.attr("height")).isEqualTo("347");
		assertThat(body.select("p.legende").text()).isEqualTo("Photo : Marie Tremblay");
		Element narrow = body.selectFirst("img[alt=Logo]");
		assertThat(narrow.attr("width")).isEqualTo("300");
		assertThat(narrow.attr("height")).isEqualTo("100");
		assertThat(narrow.parent().tagName()).isEqualTo("td");
		assertThat(message.text()).contains("[L'usine au lever du jour] https://exemple.ca/usine\nPhoto : Marie Tremblay")
			.contains("[Logo]");
	}

	@Test
	void anImageNoLongerInTheLibraryShowsNothing() {
		Element body = body(render("fr", blocks(Map.of("type", "image", "mediaId", "supprimee", "alt", "Partie"))));
		assertThat(body.select("img")).isEmpty();
	}

	@Test
	void aButtonIsBulletproofInTheAccentColour() {
		RenderedMessage message = render("fr",
				blocks(Map.of("type", "button", "label", "Lire la suite", "url", "https://exemple.ca/a?b=1&c=2")));
		Element cell = body(message).selectFirst("table.bouton td[bgcolor]");
		assertThat(cell.attr("bgcolor")).isEqualTo("#b4451f");
		assertThat(cell.select("a").attr("href")).isEqualTo("https://exemple.ca/a?b=1&c=2");
		assertThat(cell.select("a").text()).isEqualTo("Lire la suite");
		assertThat(message.text()).contains("Lire la suite : https://exemple.ca/a?b=1&c=2");
	}

	@Test
	void aDividerIsARuleInBothParts() {
		RenderedMessage message = render("fr", blocks(Map.of("type", "divider")));
		assertThat(body(message).select("table.separateur td").attr("style")).contains("border-top:1px solid");
		assertThat(message.text()).contains("-----------");
	}

	@Test
	void columnsSitSideBySideWithTheirImagesNarrower() {
		RenderedMessage message = render("fr", blocks(Map.of("type", "columns", "left",
				List.of(Map.of("type", "text", "html", "<p>À gauche</p>")), "right",
				List.of(Map.of("type", "image", "mediaId", "photo", "alt", "À droite")))));
		var columns = body(message).select("table.colonnes td.colonne");
		assertThat(columns).hasSize(2);
		assertThat(columns.get(0).text()).isEqualTo("À gauche");
		Element img = columns.get(1).selectFirst("img");
		assertThat(img.attr("width")).isEqualTo("248");
		assertThat(img.attr("height")).isEqualTo("165");
		assertThat(message.text()).contains("À gauche\n\n[À droite]");
	}

	@Test
	void anEventShowsItsDateInQuebecTimeItsPlacePriceAndRegistration() {
		var event = Map.of("type", "event", "title", "5 à 7 des membres", "startsAt", "2027-01-21T17:00", "endsAt",
				"2027-01-21T19:00", "place", "Salle des Bâtisseurs", "price", "Gratuit pour les membres", "html",
				"<p>Réseautage et bouchées.</p>", "url", "https://exemple.ca/inscription");
		RenderedMessage fr = render("fr", blocks(event));
		Element box = body(fr).selectFirst("table.bloc-evenement");
		assertThat(box.select("p.etiquette").text()).isEqualTo("Événement");
		assertThat(box.select("h3").text()).isEqualTo("5 à 7 des membres");
		assertThat(box.select("p.quand").text()).isEqualTo("jeudi 21 janvier 2027, 17 h à 19 h");
		assertThat(box.text()).contains("Lieu : Salle des Bâtisseurs", "Prix : Gratuit pour les membres",
				"Réseautage et bouchées.");
		assertThat(box.select("table.bouton a").attr("href")).isEqualTo("https://exemple.ca/inscription");
		assertThat(box.select("table.bouton a").text()).isEqualTo("S’inscrire");
		assertThat(fr.text()).contains("== ÉVÉNEMENT : 5 à 7 des membres ==\njeudi 21 janvier 2027, 17 h à 19 h\n"
				+ "Lieu : Salle des Bâtisseurs\nPrix : Gratuit pour les membres\nRéseautage et bouchées.\n"
				+ "S’inscrire : https://exemple.ca/inscription");

		RenderedMessage en = render("en", blocks(event));
		Element english = body(en).selectFirst("table.bloc-evenement");
		assertThat(english.select("p.etiquette").text()).isEqualTo("Event");
		assertThat(english.select("p.quand").text()).isEqualTo("Thursday, January 21, 2027, 5:00 p.m. to 7:00 p.m.");
		assertThat(english.text()).contains("Where: Salle des Bâtisseurs", "Price: Gratuit pour les membres");
		assertThat(english.select("table.bouton a").text()).isEqualTo("Register");
	}

	@Test
	void trainingNewsAndSurveyAreLabelledBoxes() {
		RenderedMessage message = render("fr", blocks(
				Map.of("type", "training", "title", "Lean manufacturier", "when", "Janvier à avril", "duration",
						"Six demi-journées", "url", "https://exemple.ca/lean"),
				Map.of("type", "news", "title", "Du côté des membres", "html", "<p>Usinage Côté fête ses 50 ans.</p>"),
				Map.of("type", "survey", "title", "Votre avis compte", "question", "Cinq minutes ?", "url",
						"https://exemple.ca/sondage")));
		Element body = body(message);
		assertThat(body.select("table.bloc-formation p.etiquette").text()).isEqualTo("Formation");
		assertThat(body.select("table.bloc-formation").text()).contains("Quand : Janvier à avril",
				"Durée : Six demi-journées", "En savoir plus");
		assertThat(body.select("table.bloc-nouvelles p.etiquette").text()).isEqualTo("Nouvelles des membres");
		assertThat(body.select("table.bloc-nouvelles").text()).contains("Usinage Côté fête ses 50 ans.");
		Element survey = body.selectFirst("table.bloc-sondage");
		assertThat(survey.select("table.bouton a").attr("href")).isEqualTo("https://exemple.ca/sondage");
		assertThat(survey.select("table.bouton a").text()).isEqualTo("Répondre au sondage");
		assertThat(message.text()).contains("== FORMATION : Lean manufacturier ==", "== NOUVELLES DES MEMBRES : Du côté des membres ==",
				"== SONDAGE : Votre avis compte ==\nCinq minutes ?\nRépondre au sondage : https://exemple.ca/sondage");
	}

	@Test
	void mergeFieldsInBlocksArePersonalisedForEachRecipientOfOneCompiledMessage() {
		var compiled = this.renderer.compile(draft("infolettre", "fr", blocks(
				Map.of("type", "heading", "text", "Bonjour ${firstName!'Membre'}"),
				Map.of("type", "text", "html", "<p>${company!'Votre entreprise'} est à l'honneur.</p>"),
				Map.of("type", "button", "label", "Profil de ${firstName!'Membre'}", "url",
						"https://exemple.ca/profil?courriel=${email}"),
				Map.of("type", "image", "mediaId", "photo", "alt", "Photo pour ${firstName!'vous'}"))));
		RenderedMessage marie = compiled.render(RecipientModel.sample("fr"));
		var links = RecipientLinks.untracked("https://n/u/T", "https://n/p/T");
		RenderedMessage nobody = compiled.render(new RecipientModel("x@exemple.ca", null, null, null, "fr", Map.of(), links));
		RenderedMessage sly = compiled.render(new RecipientModel("y@exemple.ca", "<b>Zoé</b> & \"cie\"", null,
				"A&B <inc>", "fr", Map.of(), links));

		assertThat(body(marie).select("h2").text()).isEqualTo("Bonjour Marie");
		assertThat(body(marie).text()).contains("Aluminerie du Fjord inc. est à l'honneur.");
		assertThat(body(marie).select("table.bouton a").attr("href"))
			.isEqualTo("https://exemple.ca/profil?courriel=marie.tremblay@exemple.ca");
		assertThat(body(marie).select("img").attr("alt")).isEqualTo("Photo pour Marie");
		assertThat(marie.text()).contains("## Bonjour Marie", "Profil de Marie : https://exemple.ca/profil?courriel=");
		assertThat(body(nobody).select("h2").text()).isEqualTo("Bonjour Membre");
		assertThat(body(nobody).text()).contains("Votre entreprise est à l'honneur.");
		// a member's values are escaped in the HTML, never markup
		assertThat(body(sly).select("h2 b")).isEmpty();
		assertThat(body(sly).select("h2").text()).isEqualTo("Bonjour <b>Zoé</b> & \"cie\"");
		assertThat(sly.html()).contains("A&amp;B &lt;inc&gt; est à l");
	}

	@Test
	void whatLooksLikeFreeMarkerInABlockStaysText() {
		RenderedMessage message = render("fr", blocks(Map.of("type", "heading", "text", "Offre <#if x>spéciale</#if> à ${"),
				Map.of("type", "text", "html", "<p>Code <@macro/> et ${ ouvert</p>")));
		assertThat(body(message).select("h2").text()).isEqualTo("Offre <#if x>spéciale</#if> à ${");
		assertThat(body(message).text()).contains("Code <@macro/> et ${ ouvert");
		assertThat(message.text()).contains("## Offre <#if x>spéciale</#if> à ${", "Code <@macro/> et ${ ouvert");
	}

	@Test
	void aMergeFieldThatAskedForMoreThanPersonalisingIsRefusedWithItsBlockAndField() {
		var draft = draft("infolettre", "fr", blocks(Map.of("type", "divider"),
				Map.of("type", "columns", "right", List.of(Map.of("type", "button", "label", "${'id'?eval}", "url",
						"https://exemple.ca")))));
		assertThatThrownBy(() -> this.renderer.checkSafe(draft)).isInstanceOfSatisfying(TemplateProblem.class,
				problem -> {
					assertThat(problem.getPart()).isEqualTo("Bloc 2, colonne de droite, bloc 1, champ « libellé » (label)");
					assertThat(problem.getDetail()).contains("?eval");
				});
		assertThatThrownBy(() -> this.renderer.compile(draft)).isInstanceOf(TemplateProblem.class)
			.hasMessageContaining("Bloc 2, colonne de droite, bloc 1");
		var unparsable = draft("infolettre", "fr", blocks(Map.of("type", "heading", "text", "Bonjour ${first name}")));
		assertThatThrownBy(() -> this.renderer.compile(unparsable)).isInstanceOfSatisfying(TemplateProblem.class,
				problem -> assertThat(problem.getPart()).isEqualTo("Bloc 1, champ « texte » (text)"));
	}

	@Test
	void aLayoutsOwnBlockTemplatesWinOverTheSharedOnes(@TempDir Path dir) throws IOException {
		try (Stream<Path> files = Files.list(FreeMarkerIssueRendererTests.TEMPLATES)) {
			for (Path file : files.toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
		Files.writeString(dir.resolve("infolettre_blocs.html.ftlh"), """
				<#macro bloc block>
				<#if block.type == "heading"><h2 class="maison">${block.text}</h2><#elseif block.type == "button"><p class="maison"><a href="${block.url}">${block.label} →</a></p></#if>
				</#macro>
				<#list blocks as block><@bloc block/></#list>
				""");
		Files.writeString(dir.resolve("infolettre_blocs.txt.ftl"), """
				<#list blocks as block>* ${block.text!block.label}
				</#list>""");
		var renderer = FreeMarkerIssueRendererTests.renderer(dir);
		var blocks = blocks(Map.of("type", "heading", "text", "Bonjour ${firstName!'Membre'}"),
				Map.of("type", "button", "label", "Voir", "url", "https://exemple.ca"));
		RenderedMessage own = renderer.compile(draft("infolettre", "fr", blocks)).render(RecipientModel.sample("fr"));
		assertThat(body(own).select("h2.maison").text()).isEqualTo("Bonjour Marie");
		assertThat(body(own).select("p.maison a").text()).isEqualTo("Voir →");
		assertThat(body(own).select("table.bouton")).isEmpty();
		assertThat(own.text()).contains("* Bonjour Marie\n* Voir");
		RenderedMessage shared = renderer.compile(draft("annonce", "fr", blocks)).render(RecipientModel.sample("fr"));
		assertThat(body(shared).select("table.bouton a").text()).isEqualTo("Voir");
		// a layout's block templates are no layout of their own
		assertThat(renderer.availableTemplates()).contains("infolettre", "annonce").doesNotContain("infolettre_blocs");
	}

	@Test
	void aBlockTemplateIsCheckedAsALayoutIs(@TempDir Path dir) throws IOException {
		try (Stream<Path> files = Files.list(FreeMarkerIssueRendererTests.TEMPLATES)) {
			for (Path file : files.toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
		Files.writeString(dir.resolve("infolettre_blocs.html.ftlh"),
				"<#list blocks as block>${block.type?no_esc}</#list>");
		var renderer = FreeMarkerIssueRendererTests.renderer(dir);
		assertThatThrownBy(() -> renderer.compile(draft("infolettre", "fr", blocks(Map.of("type", "divider")))))
			.isInstanceOfSatisfying(TemplateProblem.class,
					problem -> assertThat(problem.getPart()).isEqualTo("infolettre_blocs.html.ftlh"));
	}

	@Test
	void unknownBlockTypesReadBackFromStorageRenderNothing() {
		var message = render("fr", List.of(new Block("carrousel", Map.of("x", "y")),
				new Block("heading", Map.of("text", "Reste", "level", "2"))));
		Document html = Jsoup.parse(message.html());
		assertThat(html.select("td.contenu h2").text()).isEqualTo("Reste");
	}

}

package io.infolettre.newsletter.rendering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.rendering.BlockType.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blocks from and to their JSON, and what is refused on the way in. */
class BlocksTests {

	/** One valid block of each type, every field filled. */
	static Map<String, Object> example(BlockType type) {
		return switch (type) {
			case HEADING -> Map.of("type", "heading", "text", "Bonjour ${firstName!'Membre'}", "level", 3);
			case TEXT -> Map.of("type", "text", "html", "<p>Du <strong>texte</strong> et <a href=\"https://exemple.ca\">un lien</a></p>");
			case IMAGE -> Map.of("type", "image", "mediaId", "m-1", "alt", "Une usine", "link", "https://exemple.ca",
					"caption", "L'usine");
			case BUTTON -> Map.of("type", "button", "label", "S'inscrire", "url", "https://exemple.ca/i");
			case DIVIDER -> Map.of("type", "divider");
			case COLUMNS -> Map.of("type", "columns", "left", List.of(example(BlockType.TEXT)), "right",
					List.of(example(BlockType.IMAGE)));
			case EVENT -> Map.of("type", "event", "title", "5 à 7", "startsAt", "2027-01-21T17:00", "endsAt",
					"2027-01-21T19:00", "place", "Salle des Bâtisseurs", "price", "Gratuit", "html", "<p>Venez</p>",
					"url", "https://exemple.ca/i", "label", "Je m'inscris");
			case TRAINING -> Map.of("type", "training", "title", "Lean", "when", "Janvier à avril", "duration",
					"6 demi-journées", "html", "<p>Cohorte</p>", "url", "https://exemple.ca/f", "label", "Détails");
			case NEWS -> Map.of("type", "news", "title", "Du côté des membres", "html", "<p>${company!'Votre entreprise'} à l'honneur</p>");
			case SURVEY -> Map.of("type", "survey", "title", "Votre avis", "question", "Cinq minutes ?", "url",
					"https://exemple.ca/s", "label", "Répondre");
			case MARKDOWN -> Map.of("type", "markdown", "body", "## Titre\n\nBonjour ${firstName!'Membre'}\n");
		};
	}

	private static BlockProblem refused(Map<String, Object> json) {
		try {
			Blocks.fromJson(List.of(json));
		}
		catch (BlockProblem problem) {
			return problem;
		}
		throw new AssertionError("not refused: " + json);
	}

	private static Map<String, Object> without(Map<String, Object> json, String field) {
		var copy = new HashMap<>(json);
		copy.remove(field);
		return copy;
	}

	private static Map<String, Object> with(Map<String, Object> json, String field, Object value) {
		var copy = new HashMap<>(json);
		copy.put(field, value);
		return copy;
	}

	@ParameterizedTest
	@EnumSource(BlockType.class)
	void everyTypeReadsAndWritesTheSameJson(BlockType type) {
		List<Block> blocks = Blocks.fromJson(List.of(example(type)));
		assertThat(blocks).hasSize(1);
		assertThat(blocks.get(0).kind()).contains(type);
		List<Map<String, Object>> json = Blocks.toJson(blocks);
		assertThat(json.get(0)).containsEntry("type", type.jsonName());
		assertThat(Blocks.fromJson(json)).isEqualTo(blocks);
	}

	@ParameterizedTest
	@EnumSource(BlockType.class)
	void eachRequiredFieldIsRefusedWhenMissingOrBlankWithItsPositionAndName(BlockType type) {
		for (Field field : type.fields()) {
			if (!field.required()) {
				continue;
			}
			BlockProblem missing = refused(without(example(type), field.name()));
			assertThat(missing.field()).isEqualTo(field.name());
			assertThat(missing.position()).isEqualTo("bloc 1");
			assertThat(missing.path()).isEqualTo("1");
			assertThat(missing.getMessage()).isEqualTo("Bloc 1 (" + type.frenchName() + "), champ « " + field.label()
					+ " » (" + field.name() + ") : obligatoire.");
			assertThat(refused(with(example(type), field.name(), "  ")).field()).isEqualTo(field.name());
		}
	}

	@Test
	void theAltTextOfAnImageIsRequired() {
		var problem = refused(with(example(BlockType.IMAGE), "alt", ""));
		assertThat(problem).hasMessage("Bloc 1 (image), champ « texte de remplacement » (alt) : obligatoire.");
	}

	@Test
	void aNestedBlockIsNamedByItsColumn() {
		var columns = Map.<String, Object>of("type", "columns", "left", List.of(example(BlockType.TEXT)), "right",
				List.of(example(BlockType.TEXT), without(example(BlockType.BUTTON), "url")));
		var json = new ArrayList<Map<String, Object>>();
		json.add(example(BlockType.HEADING));
		json.add(example(BlockType.DIVIDER));
		json.add(columns);
		assertThatThrownBy(() -> Blocks.fromJson(json)).isInstanceOfSatisfying(BlockProblem.class, problem -> {
			assertThat(problem.position()).isEqualTo("bloc 3, colonne de droite, bloc 2");
			assertThat(problem.path()).isEqualTo("3.right.2");
			assertThat(problem.field()).isEqualTo("url");
			assertThat(problem).hasMessage("Bloc 3, colonne de droite, bloc 2 (bouton), champ « adresse » (url) : obligatoire.");
		});
	}

	@Test
	void aColumnHoldsNoColumns() {
		var inner = example(BlockType.COLUMNS);
		var problem = refused(Map.of("type", "columns", "left", List.of(inner)));
		assertThat(problem).hasMessage("Bloc 1, colonne de gauche, bloc 1 (deux colonnes) : une colonne ne peut pas "
				+ "contenir d'autres colonnes.");
		assertThat(problem.path()).isEqualTo("1.left.1");
	}

	@Test
	void aColumnIsAList() {
		var problem = refused(Map.of("type", "columns", "left", "texte"));
		assertThat(problem.field()).isEqualTo("left");
		assertThat(problem).hasMessageContaining("une liste de blocs est attendue");
	}

	@Test
	void anUnknownOrMissingTypeIsRefusedWithThePossibleOnes() {
		var unknown = refused(Map.of("type", "carrousel"));
		assertThat(unknown.field()).isEqualTo("type");
		assertThat(unknown).hasMessage("Bloc 1 : type de bloc inconnu « carrousel » ; types possibles : heading, text, "
				+ "image, button, divider, columns, event, training, news, survey, markdown.");
		assertThat(refused(Map.of("text", "Sans type")).field()).isEqualTo("type");
	}

	@Test
	void addressesAreHttpHttpsOrMailtoAndMayHoldAMergeField() {
		for (String bad : List.of("javascript:alert(1)", "/relative", "exemple.ca", "https://", "data:text/html,x",
				"ftp://exemple.ca/f")) {
			var problem = refused(with(example(BlockType.BUTTON), "url", bad));
			assertThat(problem.field()).isEqualTo("url");
			assertThat(problem).hasMessageContaining("n'est pas une adresse complète en http://, https:// ou mailto:");
		}
		for (String good : List.of("http://exemple.ca", "https://exemple.ca/a?b=1&c=2", "mailto:info@exemple.ca",
				"https://exemple.ca/?courriel=${email}")) {
			assertThat(Blocks.fromJson(List.of(with(example(BlockType.BUTTON), "url", good))).get(0).field("url"))
				.isEqualTo(good);
		}
		assertThat(refused(with(example(BlockType.IMAGE), "link", "javascript:x")).field()).isEqualTo("link");
	}

	@Test
	void datesAreQuebecLocalTimesEndingAfterTheyStart() {
		var bad = refused(with(example(BlockType.EVENT), "startsAt", "21/01/2027 17 h"));
		assertThat(bad.field()).isEqualTo("startsAt");
		assertThat(bad).hasMessage("Bloc 1 (événement), champ « début » (startsAt) : « 21/01/2027 17 h » n'est pas une "
				+ "date et une heure comme 2027-01-21T17:00 (heure du Québec).");
		var backwards = refused(with(example(BlockType.EVENT), "endsAt", "2027-01-21T16:00"));
		assertThat(backwards.field()).isEqualTo("endsAt");
		assertThat(backwards).hasMessageContaining("la fin précède le début");
		assertThat(Blocks.fromJson(List.of(with(example(BlockType.EVENT), "startsAt", "2027-01-21T17:00:30"))).get(0)
			.field("startsAt")).isEqualTo("2027-01-21T17:00");
	}

	@Test
	void headingsAreOfLevelTwoByDefaultOrThree() {
		assertThat(Blocks.fromJson(List.of(Map.of("type", "heading", "text", "T"))).get(0).field("level")).isEqualTo("2");
		assertThat(Blocks.toJson(Blocks.fromJson(List.of(Map.of("type", "heading", "text", "T", "level", "3")))).get(0))
			.containsEntry("level", 3);
		assertThat(refused(Map.of("type", "heading", "text", "T", "level", 1)).field()).isEqualTo("level");
	}

	@Test
	void aFieldIsText() {
		var problem = refused(Map.of("type", "heading", "text", List.of("a")));
		assertThat(problem).hasMessage("Bloc 1 (intertitre), champ « texte » (text) : du texte est attendu.");
		assertThat(refused(Map.of("type", "button", "label", 3, "url", "https://a.ca")).field()).isEqualTo("label");
	}

	@Test
	void richTextIsSanitisedAndKeepsItsMergeFields() {
		var block = Blocks.fromJson(List.of(Map.of("type", "text", "html",
				"<p onclick=\"x()\">Bonjour ${firstName!'Membre'} <script>alert(1)</script><a href=\"javascript:x\">lien</a>"
						+ "<a href=\"https://exemple.ca/?m=${email}\">ici</a></p>")))
			.get(0);
		assertThat(block.field("html")).doesNotContain("onclick", "script", "javascript")
			.contains("Bonjour ${firstName!'Membre'}")
			.contains("href=\"https://exemple.ca/?m=${email}\"");
		assertThat(refused(Map.of("type", "text", "html", "<p><br></p>")).field()).isEqualTo("html");
		assertThat(refused(Map.of("type", "text", "html", "<script>alert(1)</script>")).field()).isEqualTo("html");
	}

	@Test
	void unknownFieldsAreDroppedAndTextIsTrimmed() {
		var block = Blocks.fromJson(List.of(Map.of("type", "button", "label", "  Voir  ", "url", " https://a.ca ",
				"couleur", "rouge"))).get(0);
		assertThat(block.fields()).containsOnlyKeys("label", "url");
		assertThat(block.field("label")).isEqualTo("Voir");
		assertThat(block.field("url")).isEqualTo("https://a.ca");
	}

	@Test
	void aVariantHasAtMostTwoHundredBlocksColumnsIncluded() {
		var json = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < Blocks.MAX_BLOCKS; i++) {
			json.add(example(BlockType.DIVIDER));
		}
		assertThat(Blocks.fromJson(json)).hasSize(Blocks.MAX_BLOCKS);
		json.add(example(BlockType.DIVIDER));
		assertThatThrownBy(() -> Blocks.fromJson(json)).isInstanceOf(BlockProblem.class)
			.hasMessageContaining("Bloc 201").hasMessageContaining("trop de blocs");
	}

	@Test
	void mediaIdsAreThoseOfTheImagesColumnsIncludedEachOnce() {
		var blocks = Blocks.fromJson(List.of(example(BlockType.IMAGE), example(BlockType.COLUMNS),
				with(example(BlockType.IMAGE), "mediaId", "m-2")));
		assertThat(Blocks.mediaIds(blocks)).containsExactly("m-1", "m-2");
		assertThat(Blocks.count(blocks)).isEqualTo(5);
		assertThat(refused(with(example(BlockType.IMAGE), "mediaId", "../x")).field()).isEqualTo("mediaId");
	}

}

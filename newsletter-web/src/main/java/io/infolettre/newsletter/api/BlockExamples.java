package io.infolettre.newsletter.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.rendering.BlockType;

/** One example of each block type, for the OpenAPI document (docs/blocks.md has the same). */
final class BlockExamples {

	private BlockExamples() {
	}

	static Map<BlockType, Map<String, Object>> all() {
		var examples = new LinkedHashMap<BlockType, Map<String, Object>>();
		for (BlockType type : BlockType.values()) {
			examples.put(type, of(type));
		}
		return examples;
	}

	static Map<String, Object> of(BlockType type) {
		return switch (type) {
			case HEADING -> ordered("type", "heading", "text", "Nouvelles de l’association", "level", 2);
			case TEXT -> ordered("type", "text", "html",
					"<p>Bonjour ${firstName!'Membre'}, voici <a href=\"https://exemple.ca/repertoire\" rel=\"noopener\">le nouveau répertoire</a>.</p>");
			case IMAGE -> ordered("type", "image", "mediaId", "6761f0c2a7b1e54d3c2f9a10", "alt",
					"L’équipe d’Usinage Côté devant la nouvelle presse", "link", "https://exemple.ca/usinage-cote",
					"caption", "Usinage Côté fête ses 50 ans.");
			case BUTTON -> ordered("type", "button", "label", "Lire la suite", "url", "https://exemple.ca/nouvelles/janvier");
			case DIVIDER -> ordered("type", "divider");
			case COLUMNS -> ordered("type", "columns", "left",
					List.of(ordered("type", "text", "html", "<p><strong>Assemblée générale</strong><br />15 mai, 18 h</p>")),
					"right", List.of(ordered("type", "button", "label", "Confirmer ma présence", "url", "https://exemple.ca/ag")));
			case EVENT -> ordered("type", "event", "title", "5 à 7 des membres", "startsAt", "2027-01-21T17:00", "endsAt",
					"2027-01-21T19:00", "place", "Salle des Bâtisseurs, Saguenay", "price", "Gratuit pour les membres",
					"html", "<p>Réseautage et bouchées.</p>", "url", "https://exemple.ca/5a7", "label", "S’inscrire");
			case TRAINING -> ordered("type", "training", "title", "Lean manufacturier", "when",
					"De janvier à avril, à Saguenay et à Alma", "duration", "Six demi-journées", "url",
					"https://exemple.ca/formations/lean");
			case NEWS -> ordered("type", "news", "title", "Du côté des membres", "html",
					"<p>${company!'Votre entreprise'} est à l’honneur ce mois-ci ? Écrivez-nous.</p>");
			case SURVEY -> ordered("type", "survey", "title", "Votre avis compte", "question",
					"Cinq minutes pour préparer l’an prochain.", "url", "https://exemple.ca/sondage");
			case MARKDOWN -> ordered("type", "markdown", "body",
					"## En bref\n\n- Assemblée générale le **15 mai**\n\n:::evenement 5 à 7 des membres\nLe jeudi 21 janvier, de 17 h à 19 h.\n:::\n");
		};
	}

	private static Map<String, Object> ordered(Object... pairs) {
		var map = new LinkedHashMap<String, Object>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}

package io.infolettre.newsletter.rendering.internal;

import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Markdown body written before blocks and the same body as one Markdown block render byte for byte
 * the same message, HTML and text, in each layout and language, for every reader: issues written
 * before blocks read as they did.
 */
public class MarkdownBlockTests {

	static List<String> bodies() {
		return List.of(SampleContent.draft("infolettre", "fr").body(), SampleContent.draft("infolettre", "en").body(),
				"", "Une ligne.", "Bonjour ${firstName!'Membre'},\n\nVoici **votre** infolettre de ${company!'l’entreprise'} (${attributes.secteur!\"\"}).\n",
				"""
						# Titre

						| Col | Autre |
						|-----|-------|
						| a   | b     |

						<table><tr><td>brut</td></tr></table>

						> Citation avec [un lien](https://exemple.ca/a?b=1&c=2) et ![photo](https://exemple.ca/p.png)

						1. un
						2. deux

						<#if firstName??>Bonjour ${firstName!}</#if>

						:::sondage
						[Répondre](https://exemple.ca/s)
						:::
						""",
				"Texte\r\nen CRLF\r\n\r\n:::evenement Soirée du 1er\r\nDétails\r\n:::\r\n");
	}

	/** Renders {@code body} both ways with {@code renderer} and asserts the messages are the same. */
	public static void assertSameBothWays(IssueRenderer renderer, String body) {
		for (String template : List.of("infolettre", "annonce")) {
			for (String language : List.of("fr", "en")) {
				var legacy = renderer.compile(new MessageDraft(template, "Infolettre", "Objet ${firstName!''}",
						"Avant-titre", body, language));
				var blocks = renderer.compile(new MessageDraft(template, "Infolettre", "Objet ${firstName!''}",
						"Avant-titre", "", language, List.of(Block.markdown(body)), Map.of()));
				for (RecipientModel reader : readers(language)) {
					RenderedMessage before = legacy.render(reader);
					RenderedMessage after = blocks.render(reader);
					assertThat(after.html()).as(template + " " + language + " HTML").isEqualTo(before.html());
					assertThat(after.text()).as(template + " " + language + " text").isEqualTo(before.text());
					assertThat(after.subject()).isEqualTo(before.subject());
				}
			}
		}
	}

	private static List<RecipientModel> readers(String language) {
		var tracked = new RecipientLinks("https://n.exemple.ca/u/T", "https://n.exemple.ca/p/T",
				"https://n.exemple.ca/o/T.gif", true, false);
		return List.of(RecipientModel.sample(language),
				new RecipientModel("a@exemple.ca", null, null, null, language, Map.of(), tracked),
				new RecipientModel("b@exemple.ca", "<Zoé & \"Luc\">", "Côté", "A&B", language, Map.of("secteur", "x"),
						tracked));
	}

	@ParameterizedTest
	@MethodSource("bodies")
	void aMarkdownBodyAndTheSameAsOneMarkdownBlockRenderByteForByteTheSame(String body) {
		assertSameBothWays(FreeMarkerIssueRendererTests.renderer(FreeMarkerIssueRendererTests.TEMPLATES), body);
	}

}

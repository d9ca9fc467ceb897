package io.infolettre.newsletter.rendering.internal;

import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import org.junit.jupiter.api.Test;

class BlockRenderingTests {

	private final FreeMarkerIssueRenderer renderer = FreeMarkerIssueRendererTests.renderer(FreeMarkerIssueRendererTests.TEMPLATES);

	@Test
	void scratch() {
		var blocks = Blocks.fromJson(List.of(Map.of("type", "heading", "text", "Bonjour ${firstName!'Membre'} <#if x>"),
				Map.of("type", "text", "html", "<p>Un <strong>texte</strong> et <a href=\"https://a.ca\">un lien</a>, ${company!'votre entreprise'}</p><ul><li>un</li><li>deux</li></ul>"),
				Map.of("type", "image", "mediaId", "m1", "alt", "Une photo", "caption", "Légende", "link", "https://exemple.ca"),
				Map.of("type", "button", "label", "Voir", "url", "https://exemple.ca/x?a=1&b=2"),
				Map.of("type", "divider"),
				Map.of("type", "event", "title", "5 à 7", "startsAt", "2027-01-21T17:00", "endsAt", "2027-01-21T19:00", "place", "Salle", "price", "Gratuit", "url", "https://exemple.ca/i"),
				Map.of("type", "columns", "left", List.of(Map.of("type", "text", "html", "<p>gauche</p>")), "right", List.of(Map.of("type", "image", "mediaId", "m1", "alt", "x"))),
				Map.of("type", "survey", "title", "Sondage", "url", "https://exemple.ca/s"),
				Map.of("type", "markdown", "body", "## Titre\n\n:::evenement Soirée\nLe 5\n:::\n")));
		var images = Map.of("m1", new BlockImage("https://cdn/600.jpg", 600, 400, "https://cdn/1200.jpg", 50_000));
		RenderedMessage m = this.renderer.compile(new MessageDraft("infolettre", "T", "S", "P", "", "fr", blocks, images))
			.render(RecipientModel.sample("fr"));
		System.out.println(m.html());
		System.out.println(m.text());
	}

}

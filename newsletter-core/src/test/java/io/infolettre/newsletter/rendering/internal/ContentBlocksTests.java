package io.infolettre.newsletter.rendering.internal;

import io.infolettre.newsletter.rendering.TemplateProblem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The block syntax of the body: {@code :::TYPE title}, Markdown, {@code :::}. */
class ContentBlocksTests {

	private final BodyRenderer french = new BodyRenderer("fr", BrandingSettings.DEFAULTS);

	private final BodyRenderer english = new BodyRenderer("en", BrandingSettings.DEFAULTS);

	@ParameterizedTest
	@CsvSource({ "evenement, evenement, Événement, Event", "event, evenement, Événement, Event",
			"formation, formation, Formation, Training", "training, formation, Formation, Training",
			"nouvelles, nouvelles, Nouvelles des membres, Member news", "news, nouvelles, Nouvelles des membres, Member news",
			"sondage, sondage, Sondage, Survey", "survey, sondage, Sondage, Survey" })
	void eachTypeIsALabelledSection(String type, String css, String labelFr, String labelEn) {
		String body = "Avant\n\n:::" + type + " Un titre\nLe **contenu**.\n:::\n\nAprès\n";
		Document fr = Jsoup.parseBodyFragment(this.french.html(body));
		assertThat(fr.select("table.bloc-" + css + " p.etiquette").text()).isEqualTo(labelFr);
		assertThat(fr.select("table.bloc-" + css + " h3").text()).isEqualTo("Un titre");
		assertThat(fr.select("table.bloc-" + css + " strong").text()).isEqualTo("contenu");
		assertThat(fr.select("body > p").eachText()).containsExactly("Avant", "Après");
		assertThat(Jsoup.parseBodyFragment(this.english.html(body)).select("p.etiquette").text()).isEqualTo(labelEn);
		assertThat(this.french.text(body)).contains("== " + labelFr.toUpperCase() + " : Un titre ==");
	}

	@Test
	void typesLookDifferent() {
		String body = ":::evenement\nA\n:::\n:::formation\nB\n:::\n:::nouvelles\nC\n:::\n:::sondage\nD\n:::\n";
		var labels = Jsoup.parseBodyFragment(this.french.html(body)).select("p.etiquette");
		assertThat(labels.eachAttr("style")).doesNotHaveDuplicates();
	}

	@Test
	void theFirstLinkOfASurveyBecomesABulletproofButton() {
		String body = """
				:::sondage Votre avis
				Cinq minutes.

				[Répondre au sondage](https://exemple.ca/sondage?a=1&b=2)

				[Les résultats de l’an dernier](https://exemple.ca/resultats)
				:::
				""";
		Document html = Jsoup.parseBodyFragment(this.french.html(body));
		var button = html.select("table.bouton td[bgcolor] > a");
		assertThat(button).hasSize(1);
		assertThat(button.attr("href")).isEqualTo("https://exemple.ca/sondage?a=1&b=2");
		assertThat(button.text()).isEqualTo("Répondre au sondage");
		assertThat(html.select("table.bloc-sondage a")).hasSize(2);
		assertThat(html.select("a[href=https://exemple.ca/resultats]").parents().is("table.bouton")).isFalse();
	}

	@Test
	void aSurveyLinkInsideASentenceKeepsItsWords() {
		var html = Jsoup.parseBodyFragment(
				this.french.html(":::survey\nMerci de [répondre ici](https://exemple.ca/s) avant lundi.\n:::\n"));
		assertThat(html.select("table.bloc-sondage p").eachText()).contains("Merci de répondre ici avant lundi.");
		assertThat(html.select("table.bouton a").text()).isEqualTo("répondre ici");
	}

	@Test
	void unknownTypeIsAProblemOnItsLine() {
		assertThatThrownBy(() -> this.french.text("Intro\n\n:::webinaire Titre\nTexte\n:::\n"))
			.isInstanceOfSatisfying(TemplateProblem.class, problem -> {
				assertThat(problem.getPart()).isEqualTo("Corps");
				assertThat(problem.getLine()).isEqualTo(3);
				assertThat(problem.getColumn()).isEqualTo(4);
				assertThat(problem.getMessage()).contains("webinaire").contains("evenement, formation");
			});
	}

	@Test
	void unclosedAndStrayFencesAreProblemsOnTheirLines() {
		assertThatThrownBy(() -> this.french.html("A\n:::evenement\nTexte\n"))
			.isInstanceOfSatisfying(TemplateProblem.class, p -> assertThat(p.getLine()).isEqualTo(2));
		assertThatThrownBy(() -> this.french.html("A\n\n:::\n"))
			.isInstanceOfSatisfying(TemplateProblem.class, p -> assertThat(p.getLine()).isEqualTo(3));
		assertThatThrownBy(() -> this.french.html(":::evenement\nA\n:::formation\nB\n:::\n"))
			.isInstanceOfSatisfying(TemplateProblem.class, p -> assertThat(p.getLine()).isEqualTo(3));
	}

	@Test
	void theTextVersionKeepsTheLineNumbersOfTheSource() {
		String body = "Un\n:::formation Lean\nDeux\n:::\nTrois\n";
		assertThat(this.french.text(body).lines().toList()).containsExactly("Un", "== FORMATION : Lean ==", "Deux", "",
				"Trois");
	}

	@Test
	void personalisationWorksInsideBlocks() {
		String html = this.french.html(":::nouvelles Pour ${firstName!\"vous\"}\nBravo ${company!'à tous'}!\n:::\n");
		assertThat(html).contains("Bravo ${company!'à tous'}!").contains("Pour ${firstName!&quot;vous&quot;}");
	}

}

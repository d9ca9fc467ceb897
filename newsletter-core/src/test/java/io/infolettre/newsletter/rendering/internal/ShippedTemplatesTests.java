package io.infolettre.newsletter.rendering.internal;

import java.util.Map;
import java.util.stream.Stream;

import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each shipped layout, in French and in English, for members whose data is awkward, and
 * reads the result with a real HTML parser.
 */
class ShippedTemplatesTests {

	private static final String LONG_NAME = "Marie-Ève-Geneviève-Alexandrine-Élisabeth".repeat(3);

	private static final String BODY = """
			Le texte de ${company!'votre entreprise'} et de ${firstName!'vous'}.

			:::evenement 5 à 7 des membres
			Le **10 décembre** à Chicoutimi.
			:::

			:::sondage
			[Répondre au sondage](https://exemple.ca/sondage)
			:::
			""";

	private final FreeMarkerIssueRenderer renderer = FreeMarkerIssueRendererTests
		.renderer(FreeMarkerIssueRendererTests.TEMPLATES);

	static Stream<Arguments> layoutsAndRecipients() {
		return Stream.of("infolettre", "annonce")
			.flatMap(template -> Stream.of("fr", "en")
				.flatMap(language -> Stream.of(
						Arguments.of(template, language, "Élise", "Côté-Bélanger", "Usinage Côté-Bélanger inc."),
						Arguments.of(template, language, "Luc", "D'Amours", "L'Érablière d'Alma"),
						Arguments.of(template, language, "Zoé", "Script", "<script>alert(1)</script> Acme"),
						Arguments.of(template, language, null, null, null),
						Arguments.of(template, language, LONG_NAME, LONG_NAME, LONG_NAME))));
	}

	private static RecipientModel member(String firstName, String lastName, String company, String language,
			RecipientLinks links) {
		return new RecipientModel("membre@exemple.ca", firstName, lastName, company, language,
				Map.of("secteur", "Génie"), links);
	}

	private static RecipientLinks tracked() {
		return new RecipientLinks("https://n.exemple.ca/u/TOKEN-U", "https://n.exemple.ca/p/TOKEN-P",
				"https://n.exemple.ca/o/TOKEN-O.gif", true, false, "https://n.exemple.ca/v/TOKEN-V");
	}

	private RenderedMessage render(String template, String language, RecipientModel member) {
		var draft = new MessageDraft(template, "L'infolettre de l'Érablière", "${firstName!'Membre'}, l'infolettre",
				"Événements & formations", BODY, language);
		return this.renderer.compile(draft).render(member);
	}

	@ParameterizedTest(name = "{0} {1}: {2} {3} / {4}")
	@MethodSource("layoutsAndRecipients")
	void rendersSafelyAndCarriesTheFooter(String template, String language, String firstName, String lastName,
			String company) {
		var message = render(template, language, member(firstName, lastName, company, language, tracked()));
		Document html = Jsoup.parse(message.html());
		assertThat(html.select("script")).isEmpty();
		assertThat(html.select("[onerror], [onclick], [onload]")).isEmpty();
		assertThat(html.select("html").attr("lang")).isEqualTo(language);
		assertThat(html.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
		assertThat(html.select("span.preheader").text()).startsWith("Événements & formations");
		if (company != null) {
			// escaped by the HTML output format: shown as text, never markup
			assertThat(html.text()).contains(company);
			assertThat(message.text()).contains(company);
		}
		if (firstName != null) {
			assertThat(html.text()).contains(firstName);
		}
		assertThat(html.text()).contains(FreeMarkerIssueRendererTests.SENDER.organisation())
			.contains("1234, boulevard Talbot")
			.contains("Saguenay (Québec)");
		assertThat(html.select("a[href=https://n.exemple.ca/u/TOKEN-U]")).hasSize(1);
		assertThat(html.select("a[href=https://n.exemple.ca/p/TOKEN-P]")).hasSize(1);
		assertThat(html.select("a[href=https://n.exemple.ca/v/TOKEN-V]")).hasSize(1);
		assertThat(html.select("img[src=https://n.exemple.ca/o/TOKEN-O.gif]")).hasSize(1);
		assertThat(message.text()).contains("https://n.exemple.ca/u/TOKEN-U")
			.contains("https://n.exemple.ca/v/TOKEN-V")
			.contains("1234, boulevard Talbot");
		// the blocks: a labelled event card, a survey button
		assertThat(html.select("table.bloc-evenement").text()).contains("5 à 7 des membres").contains("10 décembre");
		assertThat(html.select("table.bouton a[href=https://exemple.ca/sondage]").text())
			.isEqualTo("Répondre au sondage");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("layouts")
	void englishOutputIsEnglishThroughout(String template) {
		var draft = new MessageDraft(template, "The members' newsletter", "${firstName!'Member'}, your newsletter",
				"Events and training", """
						News from ${company!'your company'}.

						:::event Members' evening
						On **December 10** in Chicoutimi.
						:::

						:::survey
						[Take the survey](https://exemple.ca/survey)
						:::
						""", "en");
		var message = this.renderer.compile(draft).render(member("Élise", "Côté", "Acme", "en", tracked()));
		String footer = Jsoup.parse(message.html()).select(".pied").text();
		assertThat(footer).contains("Unsubscribe")
			.contains("Manage my preferences")
			.contains("You are receiving this newsletter because your company, Acme, is a member")
			.contains("This newsletter contains a tracking image and tracked links");
		String html = Jsoup.parse(message.html()).text();
		assertThat(html).contains("Hello Élise,").contains("View in browser").contains("Event").contains("Survey");
		for (String french : new String[] { "désabonner", "Gérer", "Vous recevez", "suivi", "Bonjour", "navigateur",
				"Événement", "Sondage" }) {
			assertThat(html).doesNotContain(french);
			assertThat(message.text()).doesNotContain(french);
		}
		assertThat(message.text()).contains("To unsubscribe: https://n.exemple.ca/u/TOKEN-U")
			.contains("== EVENT : Members' evening ==");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("layouts")
	void frenchOutputKeepsTheFrenchFooter(String template) {
		var message = render(template, "fr", member("Élise", "Côté", null, "fr", tracked()));
		assertThat(Jsoup.parse(message.html()).select(".pied").text()).contains("Se désabonner")
			.contains("Gérer mes préférences")
			.contains("une image de suivi et des liens suivis");
		assertThat(message.text()).contains("Pour vous désabonner : https://n.exemple.ca/u/TOKEN-U")
			.contains("== ÉVÉNEMENT : 5 à 7 des membres ==")
			.doesNotContain("Unsubscribe");
	}

	static Stream<String> layouts() {
		return Stream.of("infolettre", "annonce");
	}

	@Test
	void missingFirstNameGivesAPlainGreeting() {
		var fr = render("infolettre", "fr", member(null, null, null, "fr", tracked()));
		var en = render("annonce", "en", member(null, null, null, "en", tracked()));
		assertThat(Jsoup.parse(fr.html()).text()).contains("Bonjour,");
		assertThat(fr.text()).contains("Bonjour,");
		assertThat(Jsoup.parse(en.html()).text()).contains("Hello,");
		assertThat(fr.subject()).isEqualTo("Membre, l'infolettre");
	}

	@Test
	void noViewInBrowserLinkWithoutAWebVersion() {
		var message = render("infolettre", "fr",
				member("A", null, null, "fr", RecipientLinks.untracked("https://n/u/T", "https://n/p/T")));
		assertThat(Jsoup.parse(message.html()).text()).doesNotContain("Voir dans le navigateur");
		assertThat(message.text()).doesNotContain("navigateur");
	}

	@Test
	void listsBothShippedLayoutsButNotTheSharedFooter() {
		assertThat(this.renderer.availableTemplates()).contains("infolettre", "annonce").doesNotContain("_pied");
	}

}

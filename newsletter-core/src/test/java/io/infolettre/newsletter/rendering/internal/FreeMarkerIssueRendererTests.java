package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateProblem;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renders the real templates in {@code templates/}. */
class FreeMarkerIssueRendererTests {

	static final Path TEMPLATES = Path.of("..", "templates");

	static final SenderIdentity SENDER = new SenderIdentity("Infolettre des membres", "infolettre@exemple.ca",
			"Association des industriels du Saguenay–Lac-Saint-Jean", "1234, boulevard Talbot\nSaguenay (Québec)  G7H 0A1",
			"https://exemple.ca");

	private final FreeMarkerIssueRenderer renderer = renderer(TEMPLATES);

	static FreeMarkerIssueRenderer renderer(Path dir) {
		return new FreeMarkerIssueRenderer(new RenderingSettings(dir), SENDER, BrandingSettings.DEFAULTS,
				TemplateStore.NONE);
	}

	private static MessageDraft draft(String subject, String body) {
		return new MessageDraft("infolettre", "Infolettre – décembre", subject, "Formations, événements", body, "fr");
	}

	private static RecipientModel recipient(String firstName, String company) {
		return new RecipientModel("jerome.cote@usinage-cote.exemple.ca", firstName, "Côté", company, "fr",
				Map.of("secteur", "Génie"), new RecipientLinks("https://n.exemple.ca/u/TOKEN-U", "https://n.exemple.ca/p/TOKEN-P",
						"https://n.exemple.ca/o/TOKEN-O.gif", true, false));
	}

	@Test
	void personalisesSubjectAndBodyWithAccentsIntact() {
		var message = this.renderer.compile(draft("${firstName!'Membre'}, l'infolettre de décembre est là",
				"## Événements\n\nBonjour ${firstName}, voici le **5 à 7** de ${company}."))
			.render(recipient("Jérôme", "Usinage Côté & Fils inc."));
		assertThat(message.subject()).isEqualTo("Jérôme, l'infolettre de décembre est là");
		var html = Jsoup.parse(message.html());
		assertThat(html.select("h2").text()).contains("Événements");
		assertThat(html.text()).contains("voici le 5 à 7 de Usinage Côté & Fils inc.");
		assertThat(message.text()).contains("Bonjour Jérôme, voici le **5 à 7** de Usinage Côté & Fils inc.");
	}

	@Test
	void footerCarriesSenderIdentityMailingAddressUnsubscribeAndPixel() {
		var message = this.renderer.compile(draft("Objet", "Corps")).render(recipient("Hélène", null));
		var html = Jsoup.parse(message.html());
		assertThat(html.text()).contains("Association des industriels du Saguenay–Lac-Saint-Jean")
			.contains("1234, boulevard Talbot")
			.contains("Saguenay (Québec)");
		assertThat(html.select("a[href=https://n.exemple.ca/u/TOKEN-U]")).isNotEmpty();
		assertThat(html.select("img[src=https://n.exemple.ca/o/TOKEN-O.gif]")).hasSize(1);
		assertThat(message.text()).contains("https://n.exemple.ca/u/TOKEN-U").contains("1234, boulevard Talbot");
		assertThat(html.select("a[href=https://n.exemple.ca/p/TOKEN-P]").text()).isEqualTo("Gérer mes préférences");
		assertThat(html.text()).contains("une image de suivi et des liens suivis")
			.contains("Vous pouvez refuser ce suivi dans vos préférences.");
		assertThat(message.text()).contains("Pour gérer vos préférences : https://n.exemple.ca/p/TOKEN-P");
	}

	@Test
	void noPixelAndNoTrackingDisclosureForAnUntrackedRecipient() {
		var untracked = new RecipientModel("a@exemple.ca", "A", null, null, "fr", Map.of(),
				RecipientLinks.untracked("https://n/u/T", "https://n/p/T"));
		var message = this.renderer.compile(draft("Objet", "Corps")).render(untracked);
		var html = Jsoup.parse(message.html());
		assertThat(html.select("img[width=1]")).isEmpty();
		assertThat(html.text()).contains("Cette infolettre ne contient aucun suivi").doesNotContain("image de suivi");
		assertThat(message.text()).doesNotContain("suivi");
	}

	@Test
	void anonymousTrackingSaysOpensAreCountedWithoutTheAddress() {
		var anonymous = new RecipientModel("a@exemple.ca", "A", null, null, "fr", Map.of(),
				new RecipientLinks("https://n/u/T", "https://n/p/T", "https://n/o/T.gif", true, true));
		var message = this.renderer.compile(draft("Objet", "Corps")).render(anonymous);
		assertThat(Jsoup.parse(message.html()).text())
			.contains("Nous comptons les ouvertures et les clics de cette infolettre sans les relier à votre adresse.");
		assertThat(message.text()).contains("sans les relier");
	}

	@Test
	void subscriberSuppliedTextIsEscapedInHtml() {
		var message = this.renderer.compile(draft("Objet", "Bonjour ${firstName}"))
			.render(recipient("<script>alert(1)</script>", "<b>Acme</b>"));
		assertThat(message.html()).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>Acme</b>");
		assertThat(Jsoup.parse(message.html()).select("script")).isEmpty();
	}

	@Test
	void rawHtmlInTheBodyIsNotMarkup() {
		var message = this.renderer.compile(draft("Objet", "<img src=x onerror=alert(1)>")).render(recipient("A", null));
		assertThat(Jsoup.parse(message.html()).select("img[onerror]")).isEmpty();
	}

	@Test
	void subjectIsOneLineWhateverTheData() {
		var message = this.renderer.compile(draft("Bonjour ${firstName}", "Corps"))
			.render(recipient("Marie\r\nBcc: victime@exemple.ca", null));
		assertThat(message.subject()).doesNotContain("\r").doesNotContain("\n");
	}

	@Test
	void syntaxErrorInTheBodyIsReportedWithLineAndColumn() {
		assertThatThrownBy(() -> this.renderer.compile(draft("Objet", "Ligne un\n\nBonjour ${firstName")))
			.isInstanceOfSatisfying(TemplateProblem.class, problem -> {
				assertThat(problem.getPart()).isEqualTo("Corps");
				assertThat(problem.getLine()).isEqualTo(3);
				assertThat(problem.getColumn()).isPositive();
				assertThat(problem.getMessage()).contains("ligne 3");
			});
	}

	@Test
	void unknownVariableIsReportedWhenCompiledNotMidSend() {
		assertThatThrownBy(() -> this.renderer.compile(draft("Bonjour ${prenom}", "Corps")))
			.isInstanceOfSatisfying(TemplateProblem.class, problem -> {
				assertThat(problem.getPart()).isEqualTo("Objet");
				assertThat(problem.getLine()).isEqualTo(1);
				assertThat(problem.getColumn()).isEqualTo(11);
			});
	}

	@Test
	void brokenLayoutFileIsReportedWithItsNameLineAndColumn(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("casse.html.ftlh"), "<p>\n  <#if firstName??>Bonjour\n</p>");
		Files.writeString(dir.resolve("casse.txt.ftl"), "Bonjour");
		var draft = new MessageDraft("casse", "T", "Objet", "", "Corps", "fr");
		assertThatThrownBy(() -> renderer(dir).compile(draft)).isInstanceOfSatisfying(TemplateProblem.class,
				problem -> {
					assertThat(problem.getPart()).isEqualTo("casse.html.ftlh");
					assertThat(problem.getLine()).isPositive();
				});
	}

	@Test
	void missingTemplateIsAClearProblem() {
		var draft = new MessageDraft("inexistant", "T", "Objet", "", "Corps", "fr");
		assertThatThrownBy(() -> this.renderer.compile(draft)).isInstanceOf(TemplateProblem.class)
			.hasMessageContaining("introuvable");
	}

	@Test
	void templateNamesCannotEscapeTheTemplatesFolder() {
		var draft = new MessageDraft("../secret", "T", "Objet", "", "Corps", "fr");
		assertThatThrownBy(() -> this.renderer.compile(draft)).isInstanceOf(TemplateProblem.class);
	}

	@Test
	void listsTheShippedTemplates() {
		assertThat(this.renderer.availableTemplates()).contains("infolettre");
	}

}

package io.infolettre.newsletter.admin;

import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestTemplates;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates page: the shipped layouts listed with their source and languages, a sandboxed
 * preview, an upload refused with its line and column, and one kept and then listed as uploaded.
 */
class TemplatePagesIntegrationTests extends AbstractIntegrationTests {

	private final String name = "essai-" + UUID.randomUUID().toString().substring(0, 8);

	private AdminSession admin;

	@BeforeEach
	void logIn() {
		this.admin = AdminSession.login(this.port);
	}

	@Test
	void listsTheShippedLayoutsWithAPreviewInASandbox() {
		var page = this.admin.page("/admin/templates");
		assertThat(page.select("nav a[href=/admin/templates]").text()).isEqualTo("Modèles");
		var infolettre = page.select("#templates tr[data-template=infolettre]");
		assertThat(infolettre.select(".template-origin").text()).isIn("dossier", "intégré");
		assertThat(infolettre.select(".template-languages").text()).isEqualTo("fr, en");
		assertThat(infolettre.select(".template-status").text()).isEqualTo("Utilisable");
		assertThat(page.select("#templates tr[data-template=annonce]")).hasSize(1);
		var frame = page.select("#template-preview-html");
		assertThat(frame.hasAttr("sandbox")).isTrue();
		assertThat(frame.attr("sandbox")).isEmpty();

		var preview = this.admin.get(frame.attr("src"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("default-src 'none'").contains("sandbox"));
		assertThat(Jsoup.parse(preview.body()).select("table.bloc")).hasSize(4);

		var english = this.admin.page("/admin/templates?preview=annonce&language=en&lang=en");
		assertThat(english.select("h1").text()).isEqualTo("Templates");
		var englishPreview = this.admin.get(english.select("#template-preview-html").attr("src")).body();
		assertThat(Jsoup.parse(englishPreview).text()).contains("Unsubscribe").doesNotContain("Se désabonner");
		this.admin.page("/admin/templates?lang=fr");
	}

	@Test
	void anInvalidUploadIsRefusedWithLineAndColumn() {
		String broken = "<p>Bonjour</p>\n<p>${prenom}</p>\n" + TestTemplates.HTML;
		var response = this.admin.upload("/admin/templates", "/admin/templates", List.of("name", this.name, "language", "fr"),
				List.of("html", this.name + ".html.ftlh", broken, "text", this.name + ".txt.ftl", TestTemplates.TEXT));
		assertThat(response.statusCode()).isEqualTo(200);
		var page = Jsoup.parse(response.body());
		var problem = page.select("#template-problems .template-problem").first();
		assertThat(problem).isNotNull();
		assertThat(problem.text()).contains(this.name + ".html.ftlh").contains("prenom");
		assertThat(problem.select(".problem-line").text()).isEqualTo("2");
		assertThat(problem.select(".problem-column").text()).isEqualTo("6");
		assertThat(page.select("#template-name").val()).isEqualTo(this.name);
		assertThat(this.admin.page("/admin/templates").select("#templates tr[data-template=" + this.name + "]")).isEmpty();
	}

	@Test
	void aValidUploadIsKeptAndListedAsUploaded() {
		var response = this.admin.upload("/admin/templates", "/admin/templates",
				List.of("name", this.name, "language", "fr"),
				List.of("html", "a.html.ftlh", TestTemplates.HTML, "text", "a.txt.ftl", TestTemplates.TEXT));
		assertThat(response.statusCode()).isEqualTo(302);
		var page = this.admin.page(response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		assertThat(page.select("#template-saved").text()).contains(this.name);
		var row = page.select("#templates tr[data-template=" + this.name + "]");
		assertThat(row.select(".template-origin").text()).isEqualTo("téléversé");
		assertThat(row.select(".template-languages").text()).isEqualTo("fr");
		assertThat(this.admin.get(page.select("#template-preview-html").attr("src")).body()).contains("Bonjour Marie");
	}

}

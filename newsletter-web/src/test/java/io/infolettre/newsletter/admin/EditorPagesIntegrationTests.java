package io.infolettre.newsletter.admin;

import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's pages without a browser: a new issue, a broken body shown with where, a refused block
 * given back with where it is, duplicate.
 */
class EditorPagesIntegrationTests extends AbstractIntegrationTests {

	private final String list = "pages-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void nouveauNumeroCreatesADraftAndOpensTheEditor() {
		var admin = AdminSession.login(this.port);
		var created = admin.submit("/admin/issues/new", "/admin/issues/new", "title", "Infolettre – janvier",
				"template", "infolettre", "list", "");

		assertThat(created.statusCode()).isEqualTo(302);
		String editor = created.headers().firstValue("Location").orElseThrow();
		assertThat(editor).endsWith("/edit");
		var page = admin.page(editor.replaceFirst("^https?://[^/]+", ""));
		assertThat(page.getElementById("title").val()).isEqualTo("Infolettre – janvier");
		assertThat(page.select("#sender option").eachText()).contains("Présidence de l'association <presidence@exemple.ca>");
		// a new issue has no block yet; the « Ajouter un bloc » menu offers every type and the saved blocks
		assertThat(page.getElementById("frBlocks").val()).isEqualTo("[]");
		assertThat(page.select("#add-menu [data-add]").eachText()).containsExactly("Titre", "Texte", "Image", "Bouton",
				"Séparateur", "Deux colonnes", "Événement", "Formation", "Nouvelles des membres", "Sondage", "Markdown",
				"Bloc enregistré…");
		assertThat(page.select("#merge-field-options option").eachText()).startsWith("Prénom", "Nom", "Entreprise")
			.contains("Secteur");
	}

	@Test
	void aBrokenBodyIsShownWithItsLineAndColumnNextToTheFieldNotAsAnError() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
		var admin = AdminSession.login(this.port);

		var preview = admin.submit("/admin/issues/" + id + "/edit", "/admin/issues/" + id + "/edit/preview", "title",
				"Cassé", "template", "infolettre", "frSubject", "Objet", "frBlocks",
				markdown("Ligne 1\n\nBonjour ${oups("), "variant", "fr");

		assertThat(preview.statusCode()).isEqualTo(200);
		var fragment = Jsoup.parse(preview.body());
		assertThat(fragment.getElementById("preview-problem").text()).contains("Corps", "ligne 3", "colonne");
		assertThat(fragment.getElementById("problem-frBlocks").text()).contains("ligne 3");
		assertThat(fragment.getElementById("problem-frSubject").text()).isEmpty();
	}

	@Test
	void aRefusedBlockComesBackWithWhatWasTypedAndSaysWhichBlockAndField() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("c." + this.list + "@membres.exemple.ca"));
		var admin = AdminSession.login(this.port);
		String blocks = "[{\"type\":\"heading\",\"text\":\"Nos nouvelles\"},"
				+ "{\"type\":\"button\",\"label\":\"Voir le programme\",\"url\":\"exemple.ca/programme\"}]";

		var refused = admin.submit("/admin/issues/" + id + "/edit", "/admin/issues/" + id + "/edit", "title", "Refusé",
				"template", "infolettre", "frSubject", "Objet gardé", "frPreheader", "", "frBlocks", blocks, "enSubject",
				"", "enPreheader", "", "enBlocks", "[]");

		assertThat(refused.statusCode()).isEqualTo(200);
		var page = Jsoup.parse(refused.body());
		assertThat(page.getElementById("editor-error").text()).contains("Bloc 2 (bouton)", "adresse", "exemple.ca/programme");
		var problem = page.getElementById("saved-block-problem");
		assertThat(problem.attr("data-lang")).isEqualTo("fr");
		assertThat(problem.attr("data-path")).isEqualTo("2");
		assertThat(problem.attr("data-field")).isEqualTo("url");
		// nothing typed is lost
		assertThat(page.getElementById("frBlocks").val()).isEqualTo(blocks);
		assertThat(page.getElementById("frSubject").val()).isEqualTo("Objet gardé");
	}

	private static String markdown(String body) {
		return "[{\"type\":\"markdown\",\"body\":\"" + body.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
				+ "\"}]";
	}

	@Test
	void savingKeepsTheHistoryAndDuplicateOpensACopy() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("b." + this.list + "@membres.exemple.ca"));
		var admin = AdminSession.login(this.port);

		var saved = admin.submit("/admin/issues/" + id + "/edit", "/admin/issues/" + id + "/edit", "title", "Révisé",
				"template", "infolettre", "sender", "presidence@exemple.ca", "replyTo", "", "archived", "true",
				"frSubject", "Nouvel objet", "frPreheader", "", "frBlocks", markdown("Nouveau corps"), "enSubject", "",
				"enPreheader", "", "enBlocks", "[]");
		assertThat(saved.statusCode()).isEqualTo(302);
		var issuePage = admin.page("/admin/issues/" + id);
		assertThat(issuePage.getElementById("issue-sender").text()).contains("presidence@exemple.ca");
		assertThat(issuePage.select("#versions .version")).hasSize(1);
		assertThat(issuePage.select("#preflight [data-check=subject]").attr("data-outcome")).isEqualTo("PASS");

		var copy = admin.submit("/admin/issues/" + id, "/admin/issues/" + id + "/duplicate");
		assertThat(copy.statusCode()).isEqualTo(302);
		String editor = copy.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(admin.page(editor).getElementById("title").val()).isEqualTo("Copie de Révisé");
	}

}

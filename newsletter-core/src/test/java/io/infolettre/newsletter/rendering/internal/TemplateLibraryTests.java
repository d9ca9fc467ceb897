package io.infolettre.newsletter.rendering.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.TemplateOrigin;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.rendering.TemplateRejected;
import io.infolettre.newsletter.rendering.TemplateSummary;
import io.infolettre.newsletter.rendering.TemplateUpload;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing, checking and keeping layouts; the store is an in-memory stand-in for MongoDB. */
class TemplateLibraryTests {

	static final String GOOD_HTML = """
			<p>${brand.name} — Bonjour ${firstName!'membre'}</p>
			${content.html}
			<p>${sender.organisation}<#list sender.mailingAddressLines as l><br>${l}</#list></p>
			<p><a href="${unsubscribeUrl}">Se désabonner</a></p>
			""";

	static final String GOOD_TEXT = """
			${content.text}
			<#list sender.mailingAddressLines as l>${l}
			</#list>
			Pour vous désabonner : ${unsubscribeUrl}
			""";

	private final MemoryStore store = new MemoryStore();

	private final FreeMarkerIssueRenderer renderer = new FreeMarkerIssueRenderer(
			new RenderingSettings(FreeMarkerIssueRendererTests.TEMPLATES), FreeMarkerIssueRendererTests.SENDER,
			BrandingSettings.DEFAULTS, this.store);

	private final FreeMarkerTemplateLibrary library = new FreeMarkerTemplateLibrary(this.renderer,
			FreeMarkerIssueRendererTests.SENDER, Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneOffset.UTC));

	@Test
	void listsTheShippedLayoutsInBothLanguagesAsUsable() {
		assertThat(this.library.templates()).extracting(TemplateSummary::name).contains("infolettre", "annonce");
		for (TemplateSummary summary : this.library.templates()) {
			assertThat(summary.origin()).isEqualTo(TemplateOrigin.FOLDER);
			assertThat(summary.languages()).containsExactly("fr", "en");
			assertThat(summary.problems()).isEmpty();
		}
	}

	@Test
	void aValidUploadIsKeptAndUsedByTheRenderer() {
		var summary = this.library.save(new TemplateUpload("sobre", "fr", GOOD_HTML, GOOD_TEXT));
		assertThat(summary.origin()).isEqualTo(TemplateOrigin.UPLOADED);
		assertThat(summary.languages()).containsExactly("fr");
		assertThat(this.store.files).containsKeys("sobre.html.ftlh", "sobre.txt.ftl");
		var message = this.renderer
			.compile(new MessageDraft("sobre", "T", "Objet", "", "Texte du **corps**", "fr"))
			.render(RecipientModel.sample());
		assertThat(Jsoup.parse(message.html()).select("strong").text()).isEqualTo("corps");
		assertThat(this.renderer.availableTemplates()).contains("sobre");
	}

	@Test
	void anEnglishUploadIsTheEnglishFileOfTheLayout() {
		this.library.save(new TemplateUpload("sobre", "fr", GOOD_HTML, GOOD_TEXT));
		this.library.save(new TemplateUpload("sobre", "en", GOOD_HTML.replace("Se désabonner", "Unsubscribe"),
				GOOD_TEXT.replace("Pour vous désabonner :", "To unsubscribe:")));
		assertThat(this.store.files).containsKeys("sobre_en.html.ftlh", "sobre_en.txt.ftl");
		var english = this.renderer.compile(new MessageDraft("sobre", "T", "Subject", "", "Body", "en"))
			.render(RecipientModel.sample("en"));
		assertThat(english.html()).contains("Unsubscribe").doesNotContain("Se désabonner");
	}

	@Test
	void anUploadHidesTheFolderFileOfTheSameName() {
		this.library.save(new TemplateUpload("annonce", "fr", GOOD_HTML.replace("Bonjour", "Salut"), GOOD_TEXT));
		var message = this.renderer.compile(new MessageDraft("annonce", "T", "Objet", "", "Corps", "fr"))
			.render(RecipientModel.sample());
		assertThat(message.html()).contains("Salut");
		assertThat(this.library.templates()).filteredOn(t -> t.name().equals("annonce"))
			.extracting(TemplateSummary::origin)
			.containsExactly(TemplateOrigin.UPLOADED);
	}

	@Test
	void anUploadOnOneNodeIsUsedByAnotherSharingTheDatabase() {
		var otherNode = new FreeMarkerIssueRenderer(new RenderingSettings(FreeMarkerIssueRendererTests.TEMPLATES),
				FreeMarkerIssueRendererTests.SENDER, BrandingSettings.DEFAULTS, this.store);
		otherNode.compile(new MessageDraft("infolettre", "T", "Objet", "", "Corps", "fr"));
		this.library.save(new TemplateUpload("partage", "fr", GOOD_HTML.replace("Bonjour", "Allô"), GOOD_TEXT));
		var message = otherNode.compile(new MessageDraft("partage", "T", "Objet", "", "Corps", "fr"))
			.render(RecipientModel.sample());
		assertThat(message.html()).contains("Allô");
		assertThat(otherNode.availableTemplates()).contains("partage");
	}

	@Test
	void aSyntaxErrorIsRefusedWithFileLineAndColumn() {
		String broken = "<p>Bonjour</p>\n<#if firstName??>\n<p>${firstName}</p>\n" + GOOD_HTML;
		assertThatThrownBy(() -> this.library.save(new TemplateUpload("casse", "fr", broken, GOOD_TEXT)))
			.isInstanceOfSatisfying(TemplateRejected.class, rejected -> {
				TemplateProblem problem = rejected.getProblems().get(0);
				assertThat(problem.getPart()).isEqualTo("casse.html.ftlh");
				assertThat(problem.getLine()).isPositive();
				assertThat(problem.getColumn()).isPositive();
			});
		assertThat(this.store.files).isEmpty();
	}

	@Test
	void anUnknownVariableIsRefusedWithFileLineAndColumn() {
		String unknown = "<p>Bonjour</p>\n<p>  ${prenom}</p>\n" + GOOD_HTML;
		assertThatThrownBy(() -> this.library.save(new TemplateUpload("inconnu", "en", unknown, GOOD_TEXT)))
			.isInstanceOfSatisfying(TemplateRejected.class, rejected -> {
				TemplateProblem problem = rejected.getProblems().get(0);
				assertThat(problem.getPart()).isEqualTo("inconnu_en.html.ftlh");
				assertThat(problem.getLine()).isEqualTo(2);
				assertThat(problem.getColumn()).isEqualTo(8); // the name, after "${"
				assertThat(problem.getDetail()).contains("prenom");
			});
		assertThat(this.store.files).isEmpty();
	}

	@Test
	void bothPartsAreCheckedAtOnce() {
		assertThatThrownBy(() -> this.library.save(new TemplateUpload("deux", "fr", "<p>${", "${")))
			.isInstanceOfSatisfying(TemplateRejected.class, rejected -> assertThat(rejected.getProblems())
				.extracting(TemplateProblem::getPart)
				.containsExactly("deux.html.ftlh", "deux.txt.ftl"));
	}

	@Test
	void aLayoutWithoutUnsubscribeLinkOrAddressIsRefused() {
		assertThatThrownBy(() -> this.library
			.save(new TemplateUpload("sans-pied", "fr", "<p>${content.html}</p>", "${content.text}")))
			.isInstanceOfSatisfying(TemplateRejected.class, rejected -> assertThat(rejected.getProblems())
				.extracting(TemplateProblem::getDetail)
				.anySatisfy(d -> assertThat(d).contains("désabonnement"))
				.anySatisfy(d -> assertThat(d).contains("adresse postale")));
	}

	@Test
	void namesAreCheckedBeforeAnythingElse() {
		assertThatThrownBy(() -> this.library.save(new TemplateUpload("../Évasion", "de", GOOD_HTML, "")))
			.isInstanceOfSatisfying(TemplateRejected.class, rejected -> assertThat(rejected.getProblems())
				.extracting(TemplateProblem::getPart)
				.containsExactly("Nom", "Langue", "Texte"));
	}

	@Test
	void aBrokenFolderFileIsListedWithItsProblem(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("casse.html.ftlh"), "<p>\n  ${inconnue}\n</p>");
		Files.writeString(dir.resolve("casse.txt.ftl"), "Bonjour");
		var renderer = new FreeMarkerIssueRenderer(new RenderingSettings(dir), FreeMarkerIssueRendererTests.SENDER,
				BrandingSettings.DEFAULTS, TemplateStore.NONE);
		var library = new FreeMarkerTemplateLibrary(renderer, FreeMarkerIssueRendererTests.SENDER, Clock.systemUTC());
		var casse = library.templates().stream().filter(t -> t.name().equals("casse")).findFirst().orElseThrow();
		assertThat(casse.usable()).isFalse();
		assertThat(casse.problems().get(0).getLine()).isEqualTo(2);
		assertThat(casse.problems().get(0).getColumn()).isEqualTo(5);
	}

	@Test
	void previewsWithEveryKindOfBlockInEachLanguage() {
		var fr = Jsoup.parse(this.library.preview("annonce", "fr").html());
		assertThat(fr.select("table.bloc")).hasSize(4);
		assertThat(fr.text()).contains("Bonjour Marie,").contains("Voir dans le navigateur");
		var en = Jsoup.parse(this.library.preview("annonce", "en").html());
		assertThat(en.text()).contains("Hello Marie,").contains("Take the survey").doesNotContain("désabonner");
	}

	static final class MemoryStore implements TemplateStore {

		final Map<String, StoredTemplate> files = new ConcurrentHashMap<>();

		@Override
		public Optional<StoredTemplate> find(String file) {
			return Optional.ofNullable(this.files.get(file));
		}

		@Override
		public List<StoredTemplate> all() {
			return List.copyOf(this.files.values());
		}

		@Override
		public void save(StoredTemplate template) {
			this.files.put(template.file(), template);
		}

	}

}

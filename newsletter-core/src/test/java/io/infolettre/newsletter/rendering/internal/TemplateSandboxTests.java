package io.infolettre.newsletter.rendering.internal;

import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import freemarker.cache.FileTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.TemplateProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration's own defences, without {@link TemplateGuard} in front: a template that got
 * past the guard (an older stored issue, a bug in the guard) still runs nothing, reads no file and
 * sees no Java object; and a render that loops or writes without end stops.
 */
class TemplateSandboxTests {

	@TempDir
	Path dir;

	private String render(Configuration cfg, String source, Map<String, Object> model) throws Exception {
		var out = new StringWriter();
		new Template("essai", source, cfg).process(model, out);
		return out.toString();
	}

	private Configuration layouts() throws Exception {
		Files.createDirectories(this.dir.resolve("gabarits"));
		return TemplateSandbox.layouts(new FileTemplateLoader(this.dir.resolve("gabarits").toFile()));
	}

	@Test
	void instantiatesNoClass() throws Exception {
		Path marker = this.dir.resolve("pwned");
		for (Configuration cfg : List.of(layouts(), TemplateSandbox.inline(true), TemplateSandbox.inline(false))) {
			assertThatThrownBy(() -> render(cfg,
					"${'freemarker.template.utility.Execute'?new()('touch " + marker + "')}", Map.of()))
				.hasMessageContaining("not allowed");
			assertThatThrownBy(() -> render(cfg, "${r\"'freemarker.template.utility.ObjectConstructor'?new()\"?eval}",
					Map.of()))
				.hasMessageContaining("not allowed");
		}
		assertThat(marker).doesNotExist();
	}

	@Test
	void keepsApiOffAndSettingsOutOfReach() throws Exception {
		Configuration cfg = layouts();
		assertThatThrownBy(() -> render(cfg, "${x?api.getClass()}", Map.of("x", Map.of("a", "b"))))
			.hasMessageContaining("api");
		assertThatThrownBy(() -> render(cfg, "<#setting api_builtin_enabled=true>", Map.of()))
			.hasMessageContaining("isn't supported");
		assertThatThrownBy(() -> render(cfg, "<#setting new_builtin_class_resolver=\"unrestricted\">", Map.of()))
			.hasMessageContaining("isn't supported");
	}

	@Test
	void exposesNoJavaObjectBeyondTheData() throws Exception {
		Configuration cfg = layouts();
		Map<String, Object> model = new HashMap<>();
		model.put("fichier", new File("/etc/passwd"));
		model.put("fil", Thread.currentThread());
		assertThatThrownBy(() -> render(cfg, "${fichier.exists()?c}", model)).isNotNull();
		assertThatThrownBy(() -> render(cfg, "${fil.getContextClassLoader()}", model)).isNotNull();
		assertThat(render(cfg, "${noms?join(', ')} ${compte.n} ${oui?c}",
				Map.of("noms", List.of("Marie", "Jérôme"), "compte", Map.of("n", 3), "oui", true)))
			.isEqualTo("Marie, Jérôme 3 true");
	}

	@Test
	void readsLayoutFilesOnlyAndNothingOutsideTheirFolder() throws Exception {
		Configuration cfg = layouts();
		Files.writeString(this.dir.resolve("secret.html.ftlh"), "SECRET-VOISIN");
		Files.writeString(this.dir.resolve("gabarits").resolve("notes.txt"), "SECRET-NOTES");
		Files.writeString(this.dir.resolve("gabarits").resolve("_pied.html.ftlh"), "PIED");
		assertThat(render(cfg, "<#include \"_pied.html.ftlh\">", Map.of())).isEqualTo("PIED");
		for (String name : List.of("../secret.html.ftlh", "/../secret.html.ftlh", "notes.txt", "/etc/passwd",
				"*/notes.txt", "file:///etc/passwd")) {
			assertThatThrownBy(() -> render(cfg, "<#include \"" + name + "\">", Map.of())).isNotNull();
			assertThatThrownBy(() -> render(cfg, "<#import \"" + name + "\" as x>", Map.of())).isNotNull();
			assertThat(render(cfg, "${.get_optional_template('" + name + "').exists?c}", Map.of()))
				.isEqualTo("false");
		}
		for (boolean html : List.of(true, false)) {
			assertThatThrownBy(() -> render(TemplateSandbox.inline(html), "<#include \"_pied.html.ftlh\">", Map.of()))
				.isNotNull();
		}
	}

	@Test
	void aLayoutThatLoopsForEverFailsItsRenderInTime() throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("boucle"));
		Files.writeString(folder.resolve("boucle.html.ftlh"), TemplateLibraryTests.GOOD_HTML
				+ "<#list 1..2000000000 as i><#list 1..2000000000 as j></#list></#list>");
		Files.writeString(folder.resolve("boucle.txt.ftl"), TemplateLibraryTests.GOOD_TEXT);
		var renderer = new FreeMarkerIssueRenderer(new RenderingSettings(folder, Duration.ofMillis(300), null),
				FreeMarkerIssueRendererTests.SENDER, BrandingSettings.DEFAULTS, TemplateStore.NONE);
		long start = System.nanoTime();
		assertThatThrownBy(() -> renderer.compile(new MessageDraft("boucle", "T", "Objet", "", "Corps", "fr")))
			.isInstanceOfSatisfying(TemplateProblem.class, problem -> assertThat(problem.getDetail())
				.contains("met plus de 0.3 s à se composer"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		// the thread is not left interrupted: its next wait must not fail
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void aLayoutThatWritesWithoutEndFailsItsRender() throws Exception {
		Path folder = Files.createDirectories(this.dir.resolve("bavard"));
		Files.writeString(folder.resolve("bavard.html.ftlh"),
				TemplateLibraryTests.GOOD_HTML + "<#list 1..2000000000 as i>bla bla bla </#list>");
		Files.writeString(folder.resolve("bavard.txt.ftl"), TemplateLibraryTests.GOOD_TEXT);
		var renderer = new FreeMarkerIssueRenderer(new RenderingSettings(folder, null, 100_000),
				FreeMarkerIssueRendererTests.SENDER, BrandingSettings.DEFAULTS, TemplateStore.NONE);
		assertThatThrownBy(() -> renderer.compile(new MessageDraft("bavard", "T", "Objet", "", "Corps", "fr")))
			.isInstanceOfSatisfying(TemplateProblem.class,
					problem -> assertThat(problem.getDetail()).contains("dépasse 100").contains("caractères"));
	}

	@Test
	void personalisingStillWorksWithEveryAllowedConstruct() {
		var renderer = FreeMarkerIssueRendererTests.renderer(FreeMarkerIssueRendererTests.TEMPLATES);
		String body = """
				Bonjour ${firstName!'Membre...'}, ${company?has_content?then(company?upper_case, "chez vous")}.

				Quoi de neuf?new ${"rien de neuf?new"} ${lastName!"…"?cap_first}
				""";
		String subject = "<#if attributes.secteur?? && attributes.secteur?starts_with(\"Fab\")>Fabrication<#else>"
				+ "Autre</#if> : <#list sender.mailingAddressLines as ligne>${ligne?trim}<#sep> / </#list>"
				+ " — quoi de neuf?api";
		var draft = new MessageDraft("infolettre", "T", subject, "", body, "fr");
		renderer.checkSafe(draft);
		var message = renderer.compile(draft).render(RecipientModel.sample());
		assertThat(message.subject()).isEqualTo(
				"Fabrication : 1234, boulevard Talbot / Saguenay (Québec)  G7H 0A1 — quoi de neuf?api");
		assertThat(message.text()).contains("Bonjour Marie, ALUMINERIE DU FJORD INC..")
			.contains("Quoi de neuf?new rien de neuf?new Tremblay");
	}

	@Test
	void theSubjectAndBodyMayNotBuildHugeValuesNorDefineCode() {
		var renderer = FreeMarkerIssueRendererTests.renderer(FreeMarkerIssueRendererTests.TEMPLATES);
		for (String source : List.of("<#list 1..1000000000 as i>x</#list>", "${''?left_pad(2000000000)}",
				"<#assign s = 'x'>", "<#macro m>x</#macro>", "${firstName?replace('', firstName)}",
				"${firstName?matches('(a+)+$')?c}")) {
			assertThatThrownBy(() -> renderer.checkSafe(new MessageDraft("infolettre", "T", "Objet", "", source, "fr")))
				.as(source)
				.isInstanceOfSatisfying(TemplateProblem.class, problem -> {
					assertThat(problem.getPart()).isEqualTo("Corps");
					assertThat(problem.getDetail()).containsAnyOf("n’est pas permis", "ne sont pas permis");
				});
		}
	}

}

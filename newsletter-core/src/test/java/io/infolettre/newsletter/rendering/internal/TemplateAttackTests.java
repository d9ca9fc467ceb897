package io.infolettre.newsletter.rendering.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.rendering.TemplateRejected;
import io.infolettre.newsletter.rendering.TemplateUpload;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an outside test ran on the server through a subject, a body and an uploaded layout, each
 * refused when saved, with a reason in French, and run nowhere: every attack tries to create a file
 * (or read one into the message), and the file must not appear.
 */
class TemplateAttackTests {

	@TempDir
	static Path dir;

	private final TemplateLibraryTests.MemoryStore store = new TemplateLibraryTests.MemoryStore();

	private final FreeMarkerIssueRenderer renderer = new FreeMarkerIssueRenderer(
			new RenderingSettings(FreeMarkerIssueRendererTests.TEMPLATES), FreeMarkerIssueRendererTests.SENDER,
			BrandingSettings.DEFAULTS, this.store);

	private final FreeMarkerTemplateLibrary library = new FreeMarkerTemplateLibrary(this.renderer,
			FreeMarkerIssueRendererTests.SENDER, Clock.systemUTC());

	/** Where an attack means something: the subject is plain text, so escaping is no matter there. */
	enum Where {

		EVERYWHERE, HTML

	}

	record Attack(String name, String source, String refusal, Where where) {

		Attack(String name, String source, String refusal) {
			this(name, source, refusal, Where.EVERYWHERE);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Path marker() {
		return dir.resolve("pwned");
	}

	static List<Attack> attacks() {
		String touch = "touch " + marker();
		String execute = "\"freemarker.template.utility.Execute\"?new()(\"" + touch + "\")";
		return List.of(new Attack("Execute", "${" + execute + "}", "?new"),
				new Attack("ObjectConstructor",
						"${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.io.FileOutputStream\", \""
								+ marker() + "\")}",
						"?new"),
				new Attack("JythonRuntime",
						"<#assign py = \"freemarker.template.utility.JythonRuntime\"?new()>ok", "?new"),
				new Attack("api", "${sender?api.getClass().forName(\"java.lang.Runtime\")}", "?api"),
				new Attack("has_api", "<#if sender?has_api>oui</#if>", "?has_api"),
				new Attack("eval of Execute", "${r'" + execute + "'?eval}", "?eval"),
				new Attack("interpret of Execute",
						"<@r'<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"" + touch + "\")}'?interpret />",
						"?interpret"),
				new Attack("?new inside a string",
						"${\"a${'freemarker.template.utility.Execute'?new()('" + touch + "')}\"}", "?new"),
				new Attack("camel case", "${\"freemarker.template.utility.Execute\"?new()(\"" + touch
						+ "\")?hasContent?string}", "?new"),
				new Attack("include of a system file", "<#include \"/etc/passwd\">", "#include"),
				new Attack("include outside the folder", "<#include \"../../../../../etc/passwd\">", "#include"),
				new Attack("import of a system file", "<#import \"/etc/passwd\" as p>", "#import"),
				new Attack("computed include", "<#include sender.website>", "#include"),
				new Attack("optional template", "${.get_optional_template(\"/etc/passwd\").exists?c}",
						".get_optional_template"),
				new Attack("unescaped value", "${firstName?no_esc}", "?no_esc", Where.HTML));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void inTheSubjectIsRefusedWhenSavedAndRunsNowhere(Attack attack) {
		if (attack.where() != Where.EVERYWHERE) {
			return;
		}
		var draft = new MessageDraft("infolettre", "T", attack.source(), "", "Corps", "fr");
		assertRefused(() -> this.renderer.checkSafe(draft), attack, "Objet");
		assertRefused(() -> this.renderer.compile(draft).render(RecipientModel.sample()), attack, "Objet");
		assertThat(marker()).doesNotExist();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void inTheBodyIsRefusedWhenSavedAndRunsNowhere(Attack attack) {
		var draft = new MessageDraft("infolettre", "T", "Objet", "", "Bonjour,\n\n" + attack.source() + "\n", "fr");
		assertRefused(() -> this.renderer.checkSafe(draft), attack, "Corps");
		assertRefused(() -> this.renderer.compile(draft).render(RecipientModel.sample()), attack, "Corps");
		assertThat(marker()).doesNotExist();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void inAnUploadedLayoutIsRefusedAndRunsNowhere(Attack attack) {
		String html = TemplateLibraryTests.GOOD_HTML + "\n<p>" + attack.source() + "</p>\n";
		String text = TemplateLibraryTests.GOOD_TEXT + "\n" + attack.source() + "\n";
		assertThatThrownBy(() -> this.library.save(new TemplateUpload("piege", "fr", html, text)))
			.isInstanceOfSatisfying(TemplateRejected.class, rejected -> {
				assertThat(rejected.getProblems()).isNotEmpty();
				assertThat(rejected.getProblems()).extracting(TemplateProblem::getPart)
					.contains("piege.html.ftlh", "piege.txt.ftl");
				assertThat(rejected.getProblems()).allSatisfy(problem -> {
					assertThat(problem.getDetail()).contains(attack.refusal());
					assertThat(problem.getLine()).isPositive();
				});
			});
		assertThat(this.store.files).isEmpty();
		assertThat(marker()).doesNotExist();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Attack attack,
			String part) {
		Consumer<TemplateProblem> refused = problem -> {
			assertThat(problem.getPart()).isEqualTo(part);
			assertThat(problem.getDetail()).contains(attack.refusal());
			assertThat(problem.getLine()).isPositive();
			assertThat(problem.getColumn()).isPositive();
		};
		assertThatThrownBy(call).isInstanceOfSatisfying(TemplateProblem.class, refused);
	}

	/** The marker stays absent even when the attack is left in a file where nothing checks it. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void runsNowhereEvenFromTheTemplatesFolder(Attack attack, @TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("piege.html.ftlh"), TemplateLibraryTests.GOOD_HTML + attack.source());
		Files.writeString(folder.resolve("piege.txt.ftl"), TemplateLibraryTests.GOOD_TEXT);
		var renderer = FreeMarkerIssueRendererTests.renderer(folder);
		assertThatThrownBy(() -> renderer.compile(new MessageDraft("piege", "T", "Objet", "", "Corps", "fr")))
			.isInstanceOf(TemplateProblem.class);
		assertThat(marker()).doesNotExist();
	}

}

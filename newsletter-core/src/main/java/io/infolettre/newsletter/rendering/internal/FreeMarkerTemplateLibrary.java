package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import io.infolettre.newsletter.rendering.CompiledMessage;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateLibrary;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.rendering.TemplateRejected;
import io.infolettre.newsletter.rendering.TemplateSummary;
import io.infolettre.newsletter.rendering.TemplateUpload;
import io.infolettre.newsletter.rendering.internal.TemplateStore.StoredTemplate;

import org.springframework.stereotype.Component;

/**
 * Lists, checks, keeps and previews layouts. A layout is usable when, in each of its languages,
 * both parts parse, use only known variables and render for the sample recipient (tracked or not)
 * with the unsubscribe link and the sender's mailing address, which CASL requires.
 */
@Component
class FreeMarkerTemplateLibrary implements TemplateLibrary {

	private static final Pattern UPLOAD_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final FreeMarkerIssueRenderer renderer;

	private final SenderIdentity sender;

	private final Clock clock;

	FreeMarkerTemplateLibrary(FreeMarkerIssueRenderer renderer, SenderIdentity sender, Clock clock) {
		this.renderer = renderer;
		this.sender = sender;
		this.clock = clock;
	}

	@Override
	public List<TemplateSummary> templates() {
		var configuration = FreeMarkerIssueRenderer.configuration(this.renderer.loaders(List.of()));
		return TemplateFiles.list(this.renderer).stream().map(entry -> {
			List<TemplateProblem> problems = new ArrayList<>();
			for (String language : entry.languages()) {
				problems.addAll(check(entry.name(), language, configuration));
			}
			return new TemplateSummary(entry.name(), entry.origin(), entry.languages(), problems);
		}).toList();
	}

	@Override
	public TemplateSummary save(TemplateUpload upload) {
		List<TemplateProblem> problems = new ArrayList<>();
		String name = upload.name() == null ? "" : upload.name().strip();
		String language = upload.language() == null ? "fr" : upload.language().strip();
		if (!UPLOAD_NAME.matcher(name).matches()) {
			problems.add(new TemplateProblem("Nom", 0, 0,
					"« " + name + " » : lettres minuscules sans accents, chiffres et tirets, 40 au plus", null));
		}
		if (!language.equals("fr") && !language.equals("en")) {
			problems.add(new TemplateProblem("Langue", 0, 0, "fr ou en, pas « " + language + " »", null));
		}
		if (upload.html() == null || upload.html().isBlank()) {
			problems.add(new TemplateProblem("HTML", 0, 0, "la partie HTML est vide", null));
		}
		if (upload.text() == null || upload.text().isBlank()) {
			problems.add(new TemplateProblem("Texte", 0, 0, "la partie texte est vide", null));
		}
		if (!problems.isEmpty()) {
			throw new TemplateRejected(problems);
		}
		String htmlFile = TemplateFiles.file(name, language, FreeMarkerIssueRenderer.HTML_SUFFIX);
		String textFile = TemplateFiles.file(name, language, FreeMarkerIssueRenderer.TEXT_SUFFIX);
		// The upload is checked as it will be read: its files first, the rest (shared footer) as usual.
		var candidate = new StringTemplateLoader();
		candidate.putTemplate(htmlFile, upload.html());
		candidate.putTemplate(textFile, upload.text());
		var configuration = FreeMarkerIssueRenderer.configuration(this.renderer.loaders(List.of(candidate)));
		problems.addAll(parse(configuration, htmlFile));
		problems.addAll(parse(configuration, textFile));
		if (problems.isEmpty()) {
			problems.addAll(check(name, language, configuration));
		}
		if (!problems.isEmpty()) {
			throw new TemplateRejected(problems);
		}
		var now = this.clock.instant();
		this.renderer.store().save(new StoredTemplate(htmlFile, upload.html(), now));
		this.renderer.store().save(new StoredTemplate(textFile, upload.text(), now));
		return templates().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	@Override
	public RenderedMessage preview(String name, String language) {
		String lang = "en".equals(language) ? "en" : "fr";
		var configuration = FreeMarkerIssueRenderer.configuration(this.renderer.loaders(List.of()));
		return this.renderer.compile(SampleContent.draft(name, lang), configuration)
			.render(SampleContent.previewed(lang));
	}

	/** Parses one file of an upload and lists everything {@link TemplateGuard} refuses in it. */
	private static List<TemplateProblem> parse(Configuration configuration, String file) {
		try {
			return TemplateGuard.layoutProblems(configuration.getTemplate(file), configuration);
		}
		catch (ParseException ex) {
			return List.of(new TemplateProblem(file, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(),
					ex));
		}
		catch (IOException ex) {
			return List.of(new TemplateProblem(file, 0, 0, "lecture impossible : " + ex.getMessage(), ex));
		}
	}

	/** Renders the layout in one language for the sample recipient, each way it can be sent. */
	private List<TemplateProblem> check(String name, String language, Configuration configuration) {
		try {
			CompiledMessage compiled = this.renderer.compile(SampleContent.draft(name, language), configuration);
			List<TemplateProblem> problems = new ArrayList<>();
			for (RecipientModel recipient : List.of(SampleContent.previewed(language), SampleContent.tracked(language),
					SampleContent.anonymous(language))) {
				RenderedMessage message = compiled.render(recipient);
				problems.addAll(footer(name, language, message, recipient));
				if (!problems.isEmpty()) {
					break;
				}
			}
			return problems;
		}
		catch (TemplateProblem problem) {
			return List.of(problem);
		}
	}

	private List<TemplateProblem> footer(String name, String language, RenderedMessage message,
			RecipientModel recipient) {
		List<TemplateProblem> problems = new ArrayList<>();
		String unsubscribe = recipient.links().unsubscribeUrl();
		String htmlFile = TemplateFiles.file(name, language, FreeMarkerIssueRenderer.HTML_SUFFIX);
		String textFile = TemplateFiles.file(name, language, FreeMarkerIssueRenderer.TEXT_SUFFIX);
		if (!message.html().contains("href=\"" + unsubscribe + "\"")) {
			problems.add(new TemplateProblem(htmlFile, 0, 0,
					"aucun lien de désabonnement : ajoutez <a href=\"${unsubscribeUrl}\"> (obligatoire, LCAP)", null));
		}
		if (!message.text().contains(unsubscribe)) {
			problems.add(new TemplateProblem(textFile, 0, 0,
					"aucun lien de désabonnement : ajoutez ${unsubscribeUrl} (obligatoire, LCAP)", null));
		}
		String address = this.sender.mailingAddressLines().isEmpty() ? "" : this.sender.mailingAddressLines().get(0);
		if (!message.html().contains(escape(address))) {
			problems.add(new TemplateProblem(htmlFile, 0, 0,
					"l’adresse postale de l’expéditeur manque : ajoutez ${sender.mailingAddressLines} (obligatoire, LCAP)",
					null));
		}
		if (!message.text().contains(address)) {
			problems.add(new TemplateProblem(textFile, 0, 0,
					"l’adresse postale de l’expéditeur manque : ajoutez ${sender.mailingAddressLines} (obligatoire, LCAP)",
					null));
		}
		return problems;
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
	}

}

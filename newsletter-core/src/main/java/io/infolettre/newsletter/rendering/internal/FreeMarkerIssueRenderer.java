package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateNotFoundException;
import io.infolettre.newsletter.rendering.CompiledMessage;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateProblem;

import org.springframework.stereotype.Component;

/**
 * FreeMarker renderer. A layout is a pair of files: {@code NAME.html.ftlh} (HTML output format, so
 * every interpolation is escaped) and {@code NAME.txt.ftl} (plain text), in French; the English
 * ones are {@code NAME_en.html.ftlh} and {@code NAME_en.txt.ftl}, found by FreeMarker's localized
 * lookup from the draft's language. Files are read from the uploaded templates first, then the
 * templates folder, then the templates built into the application.
 */
@Component
class FreeMarkerIssueRenderer implements IssueRenderer {

	static final String CLASSPATH_FOLDER = "newsletter-templates";

	static final String HTML_SUFFIX = ".html.ftlh";

	static final String TEXT_SUFFIX = ".txt.ftl";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private final Configuration freemarker;

	private final RenderingSettings settings;

	private final SenderIdentity sender;

	private final BrandingSettings brand;

	private final TemplateStore store;

	private final RenderBudget budget;

	FreeMarkerIssueRenderer(RenderingSettings settings, SenderIdentity sender, BrandingSettings brand,
			TemplateStore store) {
		this.settings = settings;
		this.sender = sender;
		this.brand = brand;
		this.store = store;
		this.freemarker = configuration(loaders(List.of()));
		this.budget = settings.budget();
	}

	/**
	 * The loaders in their order of precedence, after {@code first} (the files of an upload being
	 * checked). Not sticky: a file uploaded later must win over the folder file found before.
	 */
	TemplateLoader loaders(List<TemplateLoader> first) {
		List<TemplateLoader> loaders = new ArrayList<>(first);
		loaders.add(new StoreTemplateLoader(this.store));
		if (Files.isDirectory(this.settings.dir())) {
			try {
				loaders.add(new FileTemplateLoader(this.settings.dir().toFile()));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the templates folder " + this.settings.dir(), ex);
			}
		}
		loaders.add(new ClassTemplateLoader(FreeMarkerIssueRenderer.class.getClassLoader(), CLASSPATH_FOLDER));
		var multi = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
		multi.setSticky(false);
		return multi;
	}

	/** The layouts' configuration over {@code loader}: see {@link TemplateSandbox}. */
	static Configuration configuration(TemplateLoader loader) {
		return TemplateSandbox.layouts(loader);
	}

	RenderingSettings settings() {
		return this.settings;
	}

	TemplateStore store() {
		return this.store;
	}

	@Override
	public CompiledMessage compile(MessageDraft draft) {
		var compiled = compile(draft, this.freemarker);
		compiled.render(RecipientModel.sample(language(draft)));
		return compiled;
	}

	/**
	 * Parses the layout, the subject and the body once. Per recipient, only the model changes.
	 * @param cfg the application's configuration, or one that also sees an upload being checked
	 */
	CompiledMessage compile(MessageDraft draft, Configuration cfg) {
		String name = draft.template();
		if (name == null || !NAME.matcher(name).matches()) {
			throw new TemplateProblem("Gabarit", 0, 0, "nom de gabarit invalide : « " + name + " »", null);
		}
		String language = language(draft);
		Template html = layout(cfg, name, language, HTML_SUFFIX);
		Template text = layout(cfg, name, language, TEXT_SUFFIX);
		InlineParts inline = inline(draft, language, cfg);
		return new FreeMarkerMessage(new FreeMarkerMessage.Parts(html, text, inline.subject(), inline.bodyHtml(),
				inline.bodyText()), draft, language, senderModel(), this.brand.model(this.sender.organisation()),
				this.budget);
	}

	@Override
	public void checkSafe(MessageDraft draft) {
		if (!draft.blocks().isEmpty()) {
			checkSafe(TemplateSandbox.inline(false), "Objet", draft.subject());
			BlockChecks.checkSafe(draft.blocks(), language(draft), this.brand);
			return;
		}
		String subject = draft.subject();
		String bodyText;
		String bodyHtml;
		try {
			var body = new BodyRenderer(language(draft), this.brand);
			bodyText = body.text(draft.body());
			bodyHtml = body.html(draft.body());
		}
		catch (TemplateProblem ex) {
			// a block that cannot be laid out renders nothing: the preview and the preflight say why
			bodyText = "";
			bodyHtml = "";
		}
		checkSafe(TemplateSandbox.inline(false), "Objet", subject);
		checkSafe(TemplateSandbox.inline(false), BodySections.PART, bodyText);
		checkSafe(TemplateSandbox.inline(true), BodySections.PART, bodyHtml);
	}

	static void checkSafe(Configuration cfg, String part, String source) {
		Template template;
		try {
			template = new Template(part, source == null ? "" : source, cfg);
		}
		catch (IOException ex) {
			// a syntax error runs nothing: the preview and the preflight show it, with its line
			return;
		}
		TemplateGuard.checkInline(template, part);
	}

	/**
	 * The subject and the body parsed and checked by {@link TemplateGuard}; blocks are first laid out
	 * by the block templates into the body's source.
	 */
	private InlineParts inline(MessageDraft draft, String language, Configuration cfg) {
		Template subject = inline(TemplateSandbox.inline(false), "Objet", draft.subject());
		if (!draft.blocks().isEmpty()) {
			var sources = new BlockRenderer(cfg, draft.template(), language, this.brand,
					this.brand.model(this.sender.organisation()), this.budget)
				.render(draft.blocks(), draft.images());
			return new InlineParts(subject, inline(TemplateSandbox.inline(false), BodySections.PART, sources.text()),
					inline(TemplateSandbox.inline(true), BodySections.PART, sources.html()));
		}
		var body = new BodyRenderer(language, this.brand);
		// The Markdown source first: its errors then carry the line numbers the coordinator sees.
		Template bodyText = inline(TemplateSandbox.inline(false), BodySections.PART, body.text(draft.body()));
		Template bodyHtml = inline(TemplateSandbox.inline(true), BodySections.PART, body.html(draft.body()));
		return new InlineParts(subject, bodyText, bodyHtml);
	}

	private record InlineParts(Template subject, Template bodyText, Template bodyHtml) {
	}

	private Map<String, Object> senderModel() {
		return Map.of("name", this.sender.name(), "email", this.sender.email(), "organisation",
				this.sender.organisation(), "mailingAddressLines", this.sender.mailingAddressLines(), "website",
				this.sender.website());
	}

	@Override
	public List<String> availableTemplates() {
		return TemplateFiles.list(this).stream().map(TemplateFiles.Entry::name).toList();
	}

	private static String language(MessageDraft draft) {
		return "en".equals(draft.language()) ? "en" : "fr";
	}

	/**
	 * {@code NAME_en.html.ftlh} for an English draft when there is one, else {@code NAME.html.ftlh},
	 * checked by {@link TemplateGuard} with the files it includes.
	 */
	private Template layout(Configuration cfg, String name, String language, String suffix) {
		Template template = find(cfg, name, language, suffix);
		TemplateGuard.checkLayout(template, cfg);
		return RenderBudget.prepare(template);
	}

	private Template find(Configuration cfg, String name, String language, String suffix) {
		String file = name + suffix;
		try {
			if (!"fr".equals(language)) {
				Template translated = cfg.getTemplate(TemplateFiles.file(name, language, suffix), null, null, null, true,
						true);
				if (translated != null) {
					return translated;
				}
			}
			return cfg.getTemplate(file);
		}
		catch (TemplateNotFoundException ex) {
			throw new TemplateProblem(file, 0, 0, "gabarit introuvable dans " + this.settings.dir(), ex);
		}
		catch (ParseException ex) {
			String source = ex.getTemplateName() == null ? file : ex.getTemplateName();
			throw new TemplateProblem(source, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(), ex);
		}
		catch (IOException ex) {
			throw new TemplateProblem(file, 0, 0, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

	private static Template inline(Configuration cfg, String part, String source) {
		Template template;
		try {
			template = new Template(part, source == null ? "" : source, cfg);
		}
		catch (ParseException ex) {
			throw new TemplateProblem(part, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(), ex);
		}
		catch (IOException ex) {
			throw new TemplateProblem(part, 0, 0, ex.getMessage(), ex);
		}
		TemplateGuard.checkInline(template, part);
		return RenderBudget.prepare(template);
	}

}

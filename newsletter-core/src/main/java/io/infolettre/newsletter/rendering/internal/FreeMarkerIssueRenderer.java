package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.infolettre.newsletter.rendering.CompiledMessage;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateProblem;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * FreeMarker renderer. A layout is a pair of files in the templates folder: {@code NAME.html.ftlh}
 * (HTML output format, so every interpolation is escaped) and {@code NAME.txt.ftl} (plain text).
 */
@Component
class FreeMarkerIssueRenderer implements IssueRenderer {

	static final String CLASSPATH_FOLDER = "newsletter-templates";

	private static final String HTML_SUFFIX = ".html.ftlh";

	private static final String TEXT_SUFFIX = ".txt.ftl";

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u2028\\u2029]+");

	private final Configuration freemarker;

	private final RenderingSettings settings;

	private final SenderIdentity sender;

	FreeMarkerIssueRenderer(RenderingSettings settings, SenderIdentity sender) throws IOException {
		this.settings = settings;
		this.sender = sender;
		this.freemarker = configuration(settings.dir());
	}

	private static Configuration configuration(Path dir) throws IOException {
		var cfg = new Configuration(Configuration.VERSION_2_3_34);
		List<TemplateLoader> loaders = new ArrayList<>();
		if (Files.isDirectory(dir)) {
			loaders.add(new FileTemplateLoader(dir.toFile()));
		}
		loaders.add(new ClassTemplateLoader(FreeMarkerIssueRenderer.class.getClassLoader(), CLASSPATH_FOLDER));
		cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
		cfg.setRecognizeStandardFileExtensions(true);
		cfg.setDefaultEncoding("UTF-8");
		cfg.setOutputEncoding("UTF-8");
		cfg.setLocalizedLookup(false);
		cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		cfg.setLogTemplateExceptions(false);
		cfg.setWrapUncheckedExceptions(true);
		cfg.setFallbackOnNullLoopVariable(false);
		cfg.setNumberFormat("computer");
		cfg.setLocale(Locale.CANADA_FRENCH);
		return cfg;
	}

	@Override
	public CompiledMessage compile(MessageDraft draft) {
		String name = draft.template();
		if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_-]+")) {
			throw new TemplateProblem("Gabarit", 0, 0, "nom de gabarit invalide : « " + name + " »", null);
		}
		Template html = layout(name + HTML_SUFFIX);
		Template text = layout(name + TEXT_SUFFIX);
		Template subject = inline("Objet", draft.subject(), PlainTextOutputFormat.INSTANCE);
		// The Markdown source first: its errors then carry the line numbers the coordinator sees.
		Template bodyText = inline("Corps", draft.body(), PlainTextOutputFormat.INSTANCE);
		Template bodyHtml = inline("Corps", MarkdownConverter.toHtml(draft.body()), HTMLOutputFormat.INSTANCE);
		var compiled = new FreeMarkerMessage(html, text, subject, bodyHtml, bodyText, draft);
		compiled.render(RecipientModel.sample());
		return compiled;
	}

	@Override
	public List<String> availableTemplates() {
		var names = new TreeSet<String>();
		try {
			if (Files.isDirectory(this.settings.dir())) {
				try (Stream<Path> files = Files.list(this.settings.dir())) {
					files.map(p -> p.getFileName().toString())
						.filter(f -> f.endsWith(HTML_SUFFIX))
						.forEach(f -> names.add(f.substring(0, f.length() - HTML_SUFFIX.length())));
				}
			}
			for (var resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + CLASSPATH_FOLDER + "/*" + HTML_SUFFIX)) {
				String f = resource.getFilename();
				names.add(f.substring(0, f.length() - HTML_SUFFIX.length()));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the templates", ex);
		}
		return List.copyOf(names);
	}

	private Template layout(String file) {
		try {
			return this.freemarker.getTemplate(file);
		}
		catch (TemplateNotFoundException ex) {
			throw new TemplateProblem(file, 0, 0, "gabarit introuvable dans " + this.settings.dir(), ex);
		}
		catch (ParseException ex) {
			throw new TemplateProblem(file, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(), ex);
		}
		catch (IOException ex) {
			throw new TemplateProblem(file, 0, 0, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

	private Template inline(String part, String source, freemarker.core.OutputFormat format) {
		try {
			var cfg = (Configuration) this.freemarker.clone();
			cfg.setOutputFormat(format);
			return new Template(part, source == null ? "" : source, cfg);
		}
		catch (ParseException ex) {
			throw new TemplateProblem(part, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(), ex);
		}
		catch (IOException ex) {
			throw new TemplateProblem(part, 0, 0, ex.getMessage(), ex);
		}
	}

	private final class FreeMarkerMessage implements CompiledMessage {

		private final Template html;

		private final Template text;

		private final Template subject;

		private final Template bodyHtml;

		private final Template bodyText;

		private final MessageDraft draft;

		FreeMarkerMessage(Template html, Template text, Template subject, Template bodyHtml, Template bodyText,
				MessageDraft draft) {
			this.html = html;
			this.text = text;
			this.subject = subject;
			this.bodyHtml = bodyHtml;
			this.bodyText = bodyText;
			this.draft = draft;
		}

		@Override
		public RenderedMessage render(RecipientModel recipient) {
			Map<String, Object> model = recipientModel(recipient);
			String subjectLine = LINE_BREAKS.matcher(process(this.subject, model)).replaceAll(" ").strip();
			model.put("issue", Map.of("title", nullToEmpty(this.draft.title()), "subject", subjectLine, "preheader",
					nullToEmpty(this.draft.preheader()), "language",
					this.draft.language() == null ? "fr" : this.draft.language()));
			model.put("content", Map.of("html", markup(process(this.bodyHtml, model)), "text",
					process(this.bodyText, model)));
			return new RenderedMessage(subjectLine, process(this.html, model), process(this.text, model));
		}

		private Map<String, Object> recipientModel(RecipientModel r) {
			var subscriber = new HashMap<String, Object>();
			subscriber.put("email", r.email());
			putIfPresent(subscriber, "firstName", r.firstName());
			putIfPresent(subscriber, "lastName", r.lastName());
			putIfPresent(subscriber, "company", r.company());
			subscriber.put("language", r.language() == null ? "fr" : r.language());
			subscriber.put("attributes", r.attributes());
			Map<String, Object> model = new HashMap<>(subscriber);
			model.put("subscriber", subscriber);
			model.put("sender", senderModel());
			model.put("unsubscribeUrl", r.links().unsubscribeUrl());
			putIfPresent(model, "preferencesUrl", r.links().preferencesUrl());
			putIfPresent(model, "trackingPixelUrl", r.links().trackingPixelUrl());
			model.put("tracking", Map.of("any", r.links().tracked(), "opens", r.links().trackingPixelUrl() != null,
					"links", r.links().trackedLinks(), "anonymous", r.links().anonymousTracking()));
			return model;
		}

		private Map<String, Object> senderModel() {
			return Map.of("name", FreeMarkerIssueRenderer.this.sender.name(), "email",
					FreeMarkerIssueRenderer.this.sender.email(), "organisation",
					FreeMarkerIssueRenderer.this.sender.organisation(), "mailingAddressLines",
					FreeMarkerIssueRenderer.this.sender.mailingAddressLines(), "website",
					FreeMarkerIssueRenderer.this.sender.website());
		}

		private TemplateMarkupOutputModel<?> markup(String html) {
			try {
				return HTMLOutputFormat.INSTANCE.fromMarkup(html);
			}
			catch (freemarker.template.TemplateModelException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String process(Template template, Map<String, Object> model) {
			var out = new StringWriter(4096);
			try {
				template.process(model, out);
			}
			catch (TemplateException ex) {
				Integer line = ex.getLineNumber();
				Integer column = ex.getColumnNumber();
				throw new TemplateProblem(template.getName(), line == null ? 0 : line, column == null ? 0 : column,
						firstLine(ex.getMessageWithoutStackTop()), ex);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return out.toString();
		}

	}

	private static void putIfPresent(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse("").strip();
	}

}

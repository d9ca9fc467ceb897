package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.regex.Pattern;

import freemarker.cache.NullCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;

/**
 * Makes every FreeMarker configuration of the application, and only here: template authors are
 * untrusted, whatever their role, so a template is data and never code. FreeMarker's defaults let a
 * template instantiate any class ({@code "freemarker.template.utility.Execute"?new()} runs a
 * command), so each configuration here instantiates no class at all, keeps {@code ?api} off, wraps
 * nothing but the data model's strings, numbers, booleans, dates, maps and lists (any other Java
 * object is refused, not exposed through its methods) and loads nothing but layout files by their
 * plain names. {@link TemplateGuard} then refuses, when a template is saved, what would only fail
 * here at run time, with a message the author understands.
 */
final class TemplateSandbox {

	static final Version VERSION = Configuration.VERSION_2_3_34;

	/** A layout file or a shared part ({@code _pied.html.ftlh}): no folder, no other extension. */
	static final Pattern LAYOUT_FILE = Pattern.compile("_?[A-Za-z0-9][A-Za-z0-9_-]*(\\.html\\.ftlh|\\.txt\\.ftl)");

	private static final SimpleObjectWrapper DATA_ONLY = dataOnlyWrapper();

	private static final Configuration INLINE_TEXT = inline(PlainTextOutputFormat.INSTANCE);

	private static final Configuration INLINE_HTML = inline(HTMLOutputFormat.INSTANCE);

	private TemplateSandbox() {
	}

	/** For layouts: reads layout files through {@code loader}, nothing else. */
	static Configuration layouts(TemplateLoader loader) {
		var cfg = base();
		cfg.setTemplateLoader(new LayoutFilesOnly(loader));
		cfg.setRecognizeStandardFileExtensions(true);
		return cfg;
	}

	/**
	 * For the subject and the body, which are compiled from text, never looked up: no loader at all,
	 * so an {@code #include} in them finds nothing.
	 */
	static Configuration inline(boolean html) {
		return html ? INLINE_HTML : INLINE_TEXT;
	}

	private static Configuration inline(OutputFormat format) {
		var cfg = base();
		cfg.setTemplateLoader(null);
		cfg.setCacheStorage(new NullCacheStorage());
		cfg.setOutputFormat(format);
		return cfg;
	}

	private static Configuration base() {
		var cfg = new Configuration(VERSION);
		cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
		cfg.setAPIBuiltinEnabled(false);
		cfg.setObjectWrapper(DATA_ONLY);
		// ${…} only: the legacy #{…} is a second, rarer way in that nobody here needs
		cfg.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
		cfg.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);
		cfg.setDefaultEncoding("UTF-8");
		cfg.setOutputEncoding("UTF-8");
		// FreeMarker's own lookup would look for NAME.html_en.ftlh: the language is chosen by the renderer
		cfg.setLocalizedLookup(false);
		cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		cfg.setLogTemplateExceptions(false);
		cfg.setWrapUncheckedExceptions(true);
		cfg.setFallbackOnNullLoopVariable(false);
		cfg.setNumberFormat("computer");
		cfg.setLocale(Locale.CANADA_FRENCH);
		return cfg;
	}

	private static SimpleObjectWrapper dataOnlyWrapper() {
		var wrapper = new SimpleObjectWrapper(VERSION);
		wrapper.writeProtect();
		return wrapper;
	}

	/** Answers only names of layout files; {@code ../}, absolute paths and other files find nothing. */
	private record LayoutFilesOnly(TemplateLoader delegate) implements TemplateLoader {

		@Override
		public Object findTemplateSource(String name) throws IOException {
			return name != null && LAYOUT_FILE.matcher(name).matches() ? this.delegate.findTemplateSource(name) : null;
		}

		@Override
		public long getLastModified(Object source) {
			return this.delegate.getLastModified(source);
		}

		@Override
		public Reader getReader(Object source, String encoding) throws IOException {
			return this.delegate.getReader(source, encoding);
		}

		@Override
		public void closeTemplateSource(Object source) throws IOException {
			this.delegate.closeTemplateSource(source);
		}

	}

}

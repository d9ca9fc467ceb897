package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateElement;
import freemarker.template.Configuration;
import freemarker.template.Template;
import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * Refuses, when a template is saved or compiled, what {@link TemplateSandbox} would stop at run
 * time, with the line, the column and a reason in French; and, in the subject and the body, anything
 * beyond what personalising a newsletter needs (variables with a fallback, conditions, lists, text
 * built-ins), so that what a coordinator types can neither run code nor exhaust the server.
 * <p>
 * FreeMarker has no public syntax tree for expressions: each instruction is read from its canonical
 * description, whose string literals are skipped (their {@code ${…}} parts are code and are read).
 */
final class TemplateGuard {

	private static final Pattern BUILT_IN = Pattern.compile("\\?\\s*([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern SPECIAL_VARIABLE = Pattern.compile("(?<![\\w)\\]}.])\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern DIRECTIVE = Pattern.compile("^#([a-z_]+)");

	private static final Pattern INCLUSION = Pattern.compile("^#(include|import)\\s+(\"[^\"\\\\$]*\"|'[^'\\\\$]*')(\\s.*)?$",
			Pattern.DOTALL);

	/** Never, anywhere: Java objects, code read from text, files looked up by a computed name. */
	private static final Set<String> FORBIDDEN = Set.of("new", "api", "has_api", "eval", "eval_json", "interpret",
			"get_optional_template");

	/** Never, anywhere: a value typed by a member would be written into the HTML unescaped. */
	private static final Set<String> UNESCAPING = Set.of("no_esc", "noautoesc", "outputformat");

	/** What a subject or a body may use: choices, repetitions and the layout of the text. */
	private static final Set<String> INLINE_DIRECTIVES = Set.of("if", "elseif", "else", "list", "items", "sep",
			"switch", "case", "on", "default", "break", "continue", "attempt", "recover", "compress", "t", "lt",
			"rt", "nt");

	/**
	 * The built-ins a subject or body may use: none makes a value larger than what it is given
	 * ({@code ?left_pad(1000000000)} would), runs a regular expression a member's value could make
	 * slow, or reads code.
	 */
	private static final Set<String> INLINE_BUILT_INS = Set.of(
			// strings
			"boolean", "cap_first", "capitalize", "c", "cn", "c_lower_case", "c_upper_case", "contains", "date",
			"datetime", "time", "ends_with", "ensure_ends_with", "ensure_starts_with", "esc", "html", "index_of",
			"j_string", "js_string", "json_string", "keep_after", "keep_after_last", "keep_before",
			"keep_before_last", "last_index_of", "length", "lower_case", "number", "remove_beginning",
			"remove_ending", "split", "starts_with", "string", "substring", "trim", "truncate", "truncate_w",
			"truncate_c", "truncate_m", "truncate_w_m", "truncate_c_m", "uncap_first", "upper_case", "url",
			"url_path", "word_list", "xhtml", "xml", "markup_string",
			// sequences and hashes (of the data: ranges are refused)
			"first", "last", "size", "seq_contains", "seq_index_of", "seq_last_index_of", "sort", "sort_by",
			"reverse", "join", "min", "max", "filter", "map", "take_while", "drop_while", "keys", "values",
			// numbers and dates
			"abs", "ceiling", "floor", "round", "is_infinite", "is_nan", "int", "long", "float", "double", "short",
			"byte", "lower_abc", "upper_abc", "iso", "iso_utc", "iso_local", "date_if_unknown", "time_if_unknown",
			"datetime_if_unknown",
			// values and loops
			"then", "switch", "has_content", "default", "exists", "if_exists", "has_next", "index", "counter",
			"item_parity", "item_parity_cap", "item_cycle", "is_first", "is_last", "is_even_item", "is_odd_item",
			"is_string", "is_number", "is_boolean", "is_date", "is_date_like", "is_date_only", "is_time",
			"is_datetime", "is_unknown_date_like", "is_hash", "is_hash_ex", "is_sequence", "is_collection",
			"is_collection_ex", "is_enumerable", "is_indexable", "is_markup_output");

	/** Where a template's text goes, and so how much of the language it may use. */
	enum Scope {

		/** A layout file: the whole language but code, unescaped output and computed inclusions. */
		LAYOUT,

		/** The subject or the body of an issue: variables, conditions and lists only. */
		INLINE

	}

	private TemplateGuard() {
	}

	/** @throws TemplateProblem the first thing refused in the subject or the body */
	static void checkInline(Template template, String part) {
		List<TemplateProblem> problems = problems(template, Scope.INLINE, part);
		if (!problems.isEmpty()) {
			throw problems.get(0);
		}
	}

	/**
	 * Checks a layout and, through {@code cfg}, the files it includes.
	 * @throws TemplateProblem the first thing refused
	 */
	static void checkLayout(Template template, Configuration cfg) {
		List<TemplateProblem> problems = layoutProblems(template, cfg);
		if (!problems.isEmpty()) {
			throw problems.get(0);
		}
	}

	/** Everything refused in a layout and the files it includes, each once. */
	static List<TemplateProblem> layoutProblems(Template template, Configuration cfg) {
		List<TemplateProblem> problems = new ArrayList<>();
		checkLayout(template, cfg, new HashSet<>(), problems);
		return problems;
	}

	private static void checkLayout(Template template, Configuration cfg, Set<String> seen,
			List<TemplateProblem> problems) {
		if (!seen.add(template.getSourceName())) {
			return;
		}
		var found = new Found(template.getSourceName(), Scope.LAYOUT);
		if (template.getSourceName().endsWith(FreeMarkerIssueRenderer.HTML_SUFFIX)
				&& !(template.getOutputFormat() instanceof HTMLOutputFormat && template.getAutoEscaping())) {
			found.refuse(1, 1, "un gabarit HTML doit échapper les valeurs : retirez l’en-tête « #ftl » qui change "
					+ "le format de sortie ou l’échappement");
		}
		walk(template.getRootTreeNode(), found);
		problems.addAll(found.problems);
		for (String included : found.inclusions) {
			try {
				checkLayout(cfg.getTemplate(included), cfg, seen, problems);
			}
			catch (IOException ex) {
				// not there or does not parse: rendering reports it where it is used
			}
		}
	}

	static List<TemplateProblem> problems(Template template, Scope scope, String part) {
		var found = new Found(part, scope);
		walk(template.getRootTreeNode(), found);
		return found.problems;
	}

	private static void walk(TemplateElement element, Found found) {
		String kind = element.getClass().getSimpleName();
		if (!kind.equals("TextBlock") && !kind.equals("MixedContent")) {
			check(element, found);
		}
		for (int i = 0; i < element.getChildCount(); i++) {
			walk((TemplateElement) element.getChildAt(i), found);
		}
	}

	// what could run code first: it is the reason given when an instruction is refused twice
	private static void check(TemplateElement element, Found found) {
		String description = element.getDescription();
		int line = element.getBeginLine();
		int column = element.getBeginColumn();
		String code = codeOf(description);
		Matcher builtIn = BUILT_IN.matcher(code);
		while (builtIn.find()) {
			builtIn(snakeCase(builtIn.group(1)), line, column, found);
		}
		Matcher special = SPECIAL_VARIABLE.matcher(code);
		while (special.find()) {
			if (FORBIDDEN.contains(snakeCase(special.group(1)))) {
				found.refuse(line, column, "« ." + special.group(1) + " » charge un fichier de gabarit d’après un nom "
						+ "calculé : refusé");
			}
		}
		Matcher directive = DIRECTIVE.matcher(description);
		if (directive.find()) {
			directive(directive.group(1), description, line, column, found);
		}
		if (found.scope == Scope.INLINE && description.startsWith("@")) {
			found.refuse(line, column, "les macros (« <@… > ») ne sont pas permises dans l’objet ou le corps");
		}
		if (found.scope == Scope.INLINE && code.contains("..")) {
			found.refuse(line, column, "les intervalles de nombres (« .. ») ne sont pas permis dans l’objet ou le corps");
		}
	}

	private static void directive(String name, String description, int line, int column, Found found) {
		if (UNESCAPING.contains(name)) {
			found.refuse(line, column, "« #" + name + " » écrirait les valeurs sans les échapper : une valeur saisie "
					+ "par un membre pourrait injecter du HTML dans le message");
			return;
		}
		if (found.scope == Scope.INLINE) {
			if (name.equals("include") || name.equals("import")) {
				found.refuse(line, column, "l’objet et le corps ne peuvent pas inclure de fichier (« #" + name
						+ " ») : choisissez le gabarit de l’infolettre dans la liste");
			}
			else if (!INLINE_DIRECTIVES.contains(name)) {
				found.refuse(line, column, "« #" + name + " » n’est pas permis dans l’objet ou le corps : seuls les "
						+ "conditions (#if) et les listes (#list) le sont");
			}
			return;
		}
		if (name.equals("include") || name.equals("import")) {
			Matcher inclusion = INCLUSION.matcher(description);
			String file = inclusion.matches() ? inclusion.group(2).substring(1, inclusion.group(2).length() - 1) : null;
			if (file == null) {
				found.refuse(line, column, "le nom du fichier de « #" + name + " » doit être écrit tel quel, entre "
						+ "guillemets");
			}
			else if (!TemplateSandbox.LAYOUT_FILE.matcher(file).matches()) {
				found.refuse(line, column, "« " + file + " » n’est pas un fichier de gabarit : « #" + name + " » ne lit "
						+ "que les gabarits (NOM.html.ftlh, NOM.txt.ftl), sans dossier");
			}
			else {
				found.inclusions.add(file);
			}
		}
	}

	private static void builtIn(String name, int line, int column, Found found) {
		if (name.equals("new") || name.equals("api") || name.equals("has_api")) {
			found.refuse(line, column, "« ?" + name + " » donnerait accès au code Java du serveur : un gabarit ne peut "
					+ "pas exécuter de code");
		}
		else if (FORBIDDEN.contains(name)) {
			found.refuse(line, column, "« ?" + name + " » lirait du texte comme du code de gabarit : refusé");
		}
		else if (UNESCAPING.contains(name)) {
			found.refuse(line, column, "« ?" + name + " » écrirait la valeur sans l’échapper : une valeur saisie par "
					+ "un membre pourrait injecter du HTML dans le message");
		}
		else if (found.scope == Scope.INLINE && !INLINE_BUILT_INS.contains(name)) {
			found.refuse(line, column, "« ?" + name + " » n’est pas permis dans l’objet ou le corps");
		}
	}

	/**
	 * The description without the text of its string literals, but with the expressions interpolated
	 * in them ({@code "a${b?new()}"} is code). In a canonical description a literal {@code ${} in a
	 * string is escaped ({@code $\{}), and the quotes of a string inside an interpolated expression
	 * are escaped once more ({@code "a${\"b\"?new()}"}): a string is unescaped before its
	 * expressions are read.
	 */
	static String codeOf(String description) {
		var code = new StringBuilder(description.length());
		appendCode(description, 0, code, false);
		return code.toString();
	}

	/** @return where the code ends: the end of the text, or after the brace closing an interpolation */
	private static int appendCode(String s, int from, StringBuilder code, boolean interpolated) {
		int depth = 0;
		int i = from;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"' || c == '\'') {
				int end = endOfString(s, i + 1, c);
				code.append(' ');
				appendInterpolations(unescape(s.substring(i + 1, Math.max(i + 1, end - 1))), code);
				code.append(' ');
				i = end;
				continue;
			}
			if (interpolated && c == '{') {
				depth++;
			}
			else if (interpolated && c == '}' && depth-- == 0) {
				return i + 1;
			}
			code.append(c);
			i++;
		}
		return i;
	}

	/** @return the index after the closing quote, or the end of the text */
	private static int endOfString(String s, int from, char quote) {
		int i = from;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return s.length();
	}

	private static void appendInterpolations(String content, StringBuilder code) {
		int i = content.indexOf("${");
		while (i >= 0) {
			code.append(' ');
			int end = appendCode(content, i + 2, code, true);
			code.append(' ');
			i = content.indexOf("${", end);
		}
	}

	// FTL's escapes; an escaped dollar-brace is literal text and must not open an expression
	private static String unescape(String literal) {
		var out = new StringBuilder(literal.length());
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '\\' && i + 1 < literal.length()) {
				char next = literal.charAt(++i);
				out.append(next == '{' ? '\0' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String snakeCase(String name) {
		var out = new StringBuilder(name.length() + 4);
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('_').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

	private static final class Found {

		private final String part;

		private final Scope scope;

		private final List<TemplateProblem> problems = new ArrayList<>();

		private final List<String> inclusions = new ArrayList<>();

		Found(String part, Scope scope) {
			this.part = part;
			this.scope = scope;
		}

		void refuse(int line, int column, String reason) {
			this.problems.add(new TemplateProblem(this.part, line, column, reason, null));
		}

	}

}

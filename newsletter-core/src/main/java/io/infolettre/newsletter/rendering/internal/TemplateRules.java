package io.infolettre.newsletter.rendering.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What a template may use, by where its text goes: the built-ins, special variables and directives
 * refused everywhere (Java objects, code read from text, unescaped output, files looked up by a
 * computed name), and the few a subject or a body may use. Each refusal comes with its reason in
 * French; {@link TemplateGuard} finds what a template uses and where.
 */
final class TemplateRules {

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

	private TemplateRules() {
	}

	/** @return why the built-in {@code ?name} (as written) is refused here; {@code null}: allowed */
	static String builtIn(String written, Scope scope) {
		String name = snakeCase(written);
		if (name.equals("new") || name.equals("api") || name.equals("has_api")) {
			return "« ?" + name + " » donnerait accès au code Java du serveur : un gabarit ne peut "
					+ "pas exécuter de code";
		}
		if (FORBIDDEN.contains(name)) {
			return "« ?" + name + " » lirait du texte comme du code de gabarit : refusé";
		}
		if (UNESCAPING.contains(name)) {
			return "« ?" + name + " » écrirait la valeur sans l’échapper : une valeur saisie par "
					+ "un membre pourrait injecter du HTML dans le message";
		}
		if (scope == Scope.INLINE && !INLINE_BUILT_INS.contains(name)) {
			return "« ?" + name + " » n’est pas permis dans l’objet ou le corps";
		}
		return null;
	}

	/** @return why the special variable {@code .name} (as written) is refused; {@code null}: allowed */
	static String specialVariable(String written) {
		return FORBIDDEN.contains(snakeCase(written))
				? "« ." + written + " » charge un fichier de gabarit d’après un nom calculé : refusé" : null;
	}

	/**
	 * @return why the directive {@code #name} is refused here; {@code null}: allowed (an inclusion in a
	 * layout is allowed here, and its file checked by {@link #includedFile})
	 */
	static String directive(String name, Scope scope) {
		if (UNESCAPING.contains(name)) {
			return "« #" + name + " » écrirait les valeurs sans les échapper : une valeur saisie "
					+ "par un membre pourrait injecter du HTML dans le message";
		}
		if (scope == Scope.INLINE) {
			if (isInclusion(name)) {
				return "l’objet et le corps ne peuvent pas inclure de fichier (« #" + name
						+ " ») : choisissez le gabarit de l’infolettre dans la liste";
			}
			if (!INLINE_DIRECTIVES.contains(name)) {
				return "« #" + name + " » n’est pas permis dans l’objet ou le corps : seuls les "
						+ "conditions (#if) et les listes (#list) le sont";
			}
		}
		return null;
	}

	static boolean isInclusion(String directive) {
		return directive.equals("include") || directive.equals("import");
	}

	/**
	 * @param file the file a layout's {@code #include} or {@code #import} names, {@code null} when it is
	 * not written as it is, between quotes
	 * @return why the inclusion is refused; {@code null}: allowed
	 */
	static String includedFile(String directive, String file) {
		if (file == null) {
			return "le nom du fichier de « #" + directive + " » doit être écrit tel quel, entre guillemets";
		}
		if (!TemplateSandbox.LAYOUT_FILE.matcher(file).matches()) {
			return "« " + file + " » n’est pas un fichier de gabarit : « #" + directive + " » ne lit "
					+ "que les gabarits (NOM.html.ftlh, NOM.txt.ftl), sans dossier";
		}
		return null;
	}

	/** @return why a macro call is refused here; {@code null}: allowed */
	static String macroCall(Scope scope) {
		return scope == Scope.INLINE ? "les macros (« <@… > ») ne sont pas permises dans l’objet ou le corps" : null;
	}

	/** @return why a range of numbers is refused here; {@code null}: allowed */
	static String range(Scope scope) {
		return scope == Scope.INLINE
				? "les intervalles de nombres (« .. ») ne sont pas permis dans l’objet ou le corps" : null;
	}

	// FreeMarker reads ?hasApi as ?has_api: one spelling to look up
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

}

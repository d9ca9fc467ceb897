package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateElement;
import freemarker.template.Configuration;
import freemarker.template.Template;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.rendering.internal.TemplateRules.Scope;

/**
 * Refuses, when a template is saved or compiled, what {@link TemplateSandbox} would stop at run
 * time, with the line, the column and a reason in French; and, in the subject and the body, anything
 * beyond what personalising a newsletter needs (variables with a fallback, conditions, lists, text
 * built-ins), so that what a coordinator types can neither run code nor exhaust the server.
 * <p>
 * The guard walks the template's tree: each instruction is read as its {@link InstructionCode} (what
 * it does, its string literals skipped), and what it uses is judged by the {@link TemplateRules}.
 */
final class TemplateGuard {

	private static final Pattern BUILT_IN = Pattern.compile("\\?\\s*([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern SPECIAL_VARIABLE = Pattern.compile("(?<![\\w)\\]}.])\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern DIRECTIVE = Pattern.compile("^#([a-z_]+)");

	private static final Pattern INCLUSION = Pattern.compile("^#(include|import)\\s+(\"[^\"\\\\$]*\"|'[^'\\\\$]*')(\\s.*)?$",
			Pattern.DOTALL);

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
		String code = InstructionCode.of(description);
		Matcher builtIn = BUILT_IN.matcher(code);
		while (builtIn.find()) {
			found.refuse(line, column, TemplateRules.builtIn(builtIn.group(1), found.scope));
		}
		Matcher special = SPECIAL_VARIABLE.matcher(code);
		while (special.find()) {
			found.refuse(line, column, TemplateRules.specialVariable(special.group(1)));
		}
		Matcher directive = DIRECTIVE.matcher(description);
		if (directive.find()) {
			String name = directive.group(1);
			found.refuse(line, column, TemplateRules.directive(name, found.scope));
			if (found.scope == Scope.LAYOUT && TemplateRules.isInclusion(name)) {
				include(name, description, line, column, found);
			}
		}
		if (description.startsWith("@")) {
			found.refuse(line, column, TemplateRules.macroCall(found.scope));
		}
		if (code.contains("..")) {
			found.refuse(line, column, TemplateRules.range(found.scope));
		}
	}

	private static void include(String directive, String description, int line, int column, Found found) {
		Matcher inclusion = INCLUSION.matcher(description);
		String file = inclusion.matches() ? inclusion.group(2).substring(1, inclusion.group(2).length() - 1) : null;
		String refusal = TemplateRules.includedFile(directive, file);
		if (refusal != null) {
			found.refuse(line, column, refusal);
		}
		else {
			found.inclusions.add(file);
		}
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

		/** @param reason why, or {@code null}: nothing refused */
		void refuse(int line, int column, String reason) {
			if (reason != null) {
				this.problems.add(new TemplateProblem(this.part, line, column, reason, null));
			}
		}

	}

}

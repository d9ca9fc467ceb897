package io.infolettre.newsletter.rendering;

import java.util.List;

/** Compiles drafts against the templates in {@code templates/}. */
public interface IssueRenderer {

	/**
	 * Parses the layout template, the subject and the body once, then renders them for a sample
	 * recipient so that unknown variables show up now, not in the middle of a send.
	 * @throws TemplateProblem with the part, line and column of the first problem
	 */
	CompiledMessage compile(MessageDraft draft);

	/**
	 * Refuses what a subject or a body may not contain (Java objects, code read from text, included
	 * files, unescaped values, more of the template language than personalising needs), without
	 * rendering it: called when a draft is saved. A syntax error is not refused here, since nothing
	 * can run from it; the preview and the preflight report it.
	 * @throws TemplateProblem with the part, line and column of the first thing refused
	 */
	void checkSafe(MessageDraft draft);

	/** The names of the templates that can be chosen. */
	List<String> availableTemplates();

}

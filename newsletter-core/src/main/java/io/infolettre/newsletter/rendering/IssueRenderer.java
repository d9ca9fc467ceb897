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

	/** The names of the templates that can be chosen. */
	List<String> availableTemplates();

}

package io.infolettre.newsletter.composition;

import java.util.LinkedHashMap;
import java.util.Map;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.rendering.CompiledMessage;
import io.infolettre.newsletter.rendering.IssueRenderer;

/**
 * An issue compiled once per language variant for a whole send (or a preview, a test, a preflight):
 * per recipient only the model changes, and each recipient gets the variant of their language, French
 * when the issue has none in theirs.
 */
public final class IssueMessages {

	private final Issue issue;

	private final Map<String, CompiledMessage> byLanguage;

	private IssueMessages(Issue issue, Map<String, CompiledMessage> byLanguage) {
		this.issue = issue;
		this.byLanguage = byLanguage;
	}

	/**
	 * @param images the media library, for the images of the blocks
	 * @throws io.infolettre.newsletter.rendering.TemplateProblem when a variant does not render
	 */
	public static IssueMessages compile(IssueRenderer renderer, ImageSources images, Issue issue) {
		var compiled = new LinkedHashMap<String, CompiledMessage>();
		for (String language : issue.languages()) {
			compiled.put(language, renderer.compile(IssueDrafts.draftOf(issue, language, images)));
		}
		return new IssueMessages(issue, Map.copyOf(compiled));
	}

	/** The message a reader of {@code language} receives. */
	public CompiledMessage forLanguage(String language) {
		return this.byLanguage.get(this.issue.languageOf(language));
	}

	public Issue issue() {
		return this.issue;
	}

}

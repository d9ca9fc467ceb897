package io.infolettre.newsletter.issue;

/**
 * What the coordinator wrote: the subject (may use ${firstName} and the like), a preheader shown by
 * mail clients after the subject, the body in Markdown and the template that lays it out.
 */
public record IssueContent(String subject, String preheader, String body, String template, String language) {

	public IssueContent {
		language = language == null || language.isBlank() ? "fr" : language;
	}

}

package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.rendering.SubjectLines;

import org.springframework.stereotype.Component;

/**
 * The subject of an issue as the sample member reads it (« Marie, votre infolettre »), which the
 * lists and pages show instead of the template text behind it. A subject that cannot be rendered
 * (a syntax error the preview points out) is shown as it was typed rather than hidden.
 */
@Component
public class SampleSubjects {

	private final SubjectLines lines;

	SampleSubjects(SubjectLines lines) {
		this.lines = lines;
	}

	/** The French (main) subject of an issue. */
	public String of(Issue issue) {
		return of(issue.getContent().subject(), issue.getContent().language());
	}

	public String of(String subject, String language) {
		if (subject == null || subject.isBlank()) {
			return "";
		}
		try {
			return this.lines.forSample(subject, language);
		}
		catch (RuntimeException ex) {
			// a TemplateProblem, or a render cut by its budget: the text typed says more than nothing
			return subject;
		}
	}

}

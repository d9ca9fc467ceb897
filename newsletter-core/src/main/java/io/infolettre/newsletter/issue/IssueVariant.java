package io.infolettre.newsletter.issue;

/**
 * One language's version of an issue: what its readers see in their inbox (subject, preheader) and
 * read (the Markdown body). The subject and body may use ${firstName!'membre'} and the like.
 */
public record IssueVariant(String subject, String preheader, String body) {

	public IssueVariant {
		subject = subject == null ? "" : subject;
		preheader = preheader == null ? "" : preheader;
		// a browser's textarea sends CRLF: stored as LF, the same text saved twice is no change
		body = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n');
	}

	/** Nothing written in it: an English variant left empty in the editor is no variant. */
	public boolean isBlank() {
		return this.subject.isBlank() && this.preheader.isBlank() && this.body.isBlank();
	}

}

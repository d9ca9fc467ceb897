package io.infolettre.newsletter.admin;

import java.util.Arrays;
import java.util.List;

import io.infolettre.newsletter.issue.AllowedSenders;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueSender;
import io.infolettre.newsletter.issue.IssueVariant;

/**
 * The editor's form: the draft's title, template, sender (by address), reply-to, archive choice and
 * each language's subject, preheader and Markdown body; and the preview's choices (member, variant)
 * and the test's addresses, which are not part of the issue.
 */
record IssueForm(String title, String template, String sender, String replyTo, Boolean archived, String frSubject,
		String frPreheader, String frBody, String enSubject, String enPreheader, String enBody, String subscriber,
		String variant, String testAddresses) {

	static IssueForm of(Issue issue) {
		IssueEdit edit = issue.currentEdit();
		IssueVariant en = edit.english() == null ? new IssueVariant("", "", "") : edit.english();
		return new IssueForm(edit.title(), edit.template(), edit.sender() == null ? null : edit.sender().email(),
				edit.replyTo(), edit.archived(), edit.french().subject(), edit.french().preheader(), edit.french().body(),
				en.subject(), en.preheader(), en.body(), null, "fr", null);
	}

	/**
	 * @throws IllegalArgumentException when the sender is not one of the allowed ones
	 */
	IssueEdit toEdit(AllowedSenders senders) {
		IssueSender from = this.sender == null || this.sender.isBlank() ? null
				: senders.find(this.sender)
					.orElseThrow(() -> new IllegalArgumentException("Expéditeur non autorisé : « " + this.sender + " »."));
		return new IssueEdit(this.title, this.template, new IssueVariant(this.frSubject, this.frPreheader, this.frBody),
				new IssueVariant(this.enSubject, this.enPreheader, this.enBody), from, this.replyTo,
				Boolean.TRUE.equals(this.archived));
	}

	/** The variant the preview shows: {@code en} or {@code fr}. */
	String previewLanguage() {
		return "en".equals(this.variant) ? "en" : "fr";
	}

	List<String> addresses() {
		return this.testAddresses == null ? List.of()
				: Arrays.stream(this.testAddresses.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
	}

}

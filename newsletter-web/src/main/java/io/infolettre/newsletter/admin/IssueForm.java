package io.infolettre.newsletter.admin;

import java.util.Arrays;
import java.util.List;

import io.infolettre.newsletter.issue.AllowedSenders;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueSender;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockProblem;

/**
 * The editor's form: the draft's title, template, sender (by address), reply-to, archive choice and
 * each language's subject, preheader and blocks (the JSON array the block editor keeps in a hidden
 * field, see {@link EditorBlocks}); and the preview's choices (member, variant) and the test's
 * addresses, which are not part of the issue. A draft written in Markdown opens as one Markdown
 * block and is saved as the same body.
 */
record IssueForm(String title, String template, String sender, String replyTo, Boolean archived, String frSubject,
		String frPreheader, String frBlocks, String enSubject, String enPreheader, String enBlocks, String subscriber,
		String variant, String testAddresses) {

	static IssueForm of(Issue issue) {
		IssueEdit edit = issue.currentEdit();
		IssueVariant en = edit.english() == null ? new IssueVariant("", "", "") : edit.english();
		return new IssueForm(edit.title(), edit.template(), edit.sender() == null ? null : edit.sender().email(),
				edit.replyTo(), edit.archived(), edit.french().subject(), edit.french().preheader(),
				EditorBlocks.write(edit.french().blocks()), en.subject(), en.preheader(),
				EditorBlocks.write(en.blocks()), null, "fr", null);
	}

	/**
	 * @throws VariantBlockProblem when a block is refused, with its variant, position and field
	 * @throws IllegalArgumentException when the sender is not one of the allowed ones
	 */
	IssueEdit toEdit(AllowedSenders senders) {
		IssueSender from = this.sender == null || this.sender.isBlank() ? null
				: senders.find(this.sender)
					.orElseThrow(() -> new IllegalArgumentException("Expéditeur non autorisé : « " + this.sender + " »."));
		return new IssueEdit(this.title, this.template,
				new IssueVariant(this.frSubject, this.frPreheader, null, blocks("fr", this.frBlocks)),
				new IssueVariant(this.enSubject, this.enPreheader, null, blocks("en", this.enBlocks)), from, this.replyTo,
				Boolean.TRUE.equals(this.archived));
	}

	private static List<Block> blocks(String language, String json) {
		try {
			return EditorBlocks.read(json);
		}
		catch (BlockProblem ex) {
			throw new VariantBlockProblem(language, ex);
		}
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

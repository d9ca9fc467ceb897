package io.infolettre.newsletter.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a coordinator edits in a draft, apart from its audience: what one saved edit changes,
 * and what the version history keeps of the content before it.
 *
 * @param french the French variant, always present (everyone without an English variant reads it)
 * @param english the English variant, or {@code null} when the issue has none
 * @param sender one of the {@link AllowedSenders}; {@code null}: the default sender
 * @param replyTo where replies go; {@code null}: to the sender
 * @param archived whether the issue appears in the public archive once sent
 */
public record IssueEdit(String title, String template, IssueVariant french, IssueVariant english, IssueSender sender,
		String replyTo, boolean archived) {

	public IssueEdit {
		french = french == null ? new IssueVariant("", "", "") : french;
		english = english == null || english.isBlank() ? null : english;
		replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
	}

	/** The names of the fields that differ from {@code before}, in the editor's order. */
	List<String> changesFrom(IssueEdit before) {
		var changes = new ArrayList<String>();
		compare(changes, "title", before.title, this.title);
		compare(changes, "template", before.template, this.template);
		compare(changes, "french", before.french, this.french);
		compare(changes, "english", before.english, this.english);
		compare(changes, "sender", before.sender, this.sender);
		compare(changes, "replyTo", before.replyTo, this.replyTo);
		compare(changes, "archived", before.archived, this.archived);
		return changes;
	}

	private static void compare(List<String> changes, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(name);
		}
	}

}

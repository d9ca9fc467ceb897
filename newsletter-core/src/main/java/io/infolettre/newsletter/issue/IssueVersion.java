package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved edit of a draft: who saved it, when, which fields it changed, and the content as it was
 * before, so that nothing a coordinator wrote is lost by the next save.
 *
 * @param changes names of the changed fields ({@code title}, {@code template}, {@code french},
 * {@code english}, {@code sender}, {@code replyTo}, {@code archived})
 * @param previous the issue's content before this edit
 * @param revision the issue's {@link Issue#getRevision() revision} of {@code previous}; {@code null} in
 * versions saved before revisions were counted
 */
@Document("issue_versions")
public record IssueVersion(@Id String id, String issueId, Instant savedAt, String savedBy, List<String> changes,
		IssueEdit previous, Integer revision) {

	@PersistenceCreator
	public IssueVersion {
	}

	public IssueVersion(String id, String issueId, Instant savedAt, String savedBy, List<String> changes,
			IssueEdit previous) {
		this(id, issueId, savedAt, savedBy, changes, previous, null);
	}

	/**
	 * The content of an issue as it was at {@code revision}: the content before the first edit saved
	 * after it, or the content now when none was.
	 * @param versions the issue's saved edits, in any order
	 */
	public static IssueEdit contentAt(int revision, Issue issue, List<IssueVersion> versions) {
		IssueVersion first = null;
		for (IssueVersion version : versions) {
			if (version.revision() != null && version.revision() >= revision
					&& (first == null || version.revision() < first.revision())) {
				first = version;
			}
		}
		return first == null ? issue.currentEdit() : first.previous();
	}

}

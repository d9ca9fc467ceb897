package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved edit of a draft: who saved it, when, which fields it changed, and the content as it was
 * before, so that nothing a coordinator wrote is lost by the next save.
 *
 * @param changes names of the changed fields ({@code title}, {@code template}, {@code french},
 * {@code english}, {@code sender}, {@code replyTo}, {@code archived})
 * @param previous the issue's content before this edit
 */
@Document("issue_versions")
public record IssueVersion(@Id String id, String issueId, Instant savedAt, String savedBy, List<String> changes,
		IssueEdit previous) {
}

package io.infolettre.newsletter.issue;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The edit history of the issues (collection {@code issue_versions}). */
public interface IssueVersions extends MongoRepository<IssueVersion, String> {

	List<IssueVersion> findByIssueIdOrderBySavedAtDesc(String issueId);

}

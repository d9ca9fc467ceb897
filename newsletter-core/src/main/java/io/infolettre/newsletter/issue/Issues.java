package io.infolettre.newsletter.issue;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The issues, newest first where order matters. */
public interface Issues extends MongoRepository<Issue, String> {

	List<Issue> findAllByOrderByCreatedAtDesc();

	List<Issue> findByStatus(IssueStatus status);

	/** Whether an issue in another status than {@code status} is addressed to this segment. */
	boolean existsByAudienceSegmentAndStatusNot(String segmentId, IssueStatus status);

}

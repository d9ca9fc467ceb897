package io.infolettre.newsletter.issue;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The issues, newest first where order matters. */
public interface Issues extends ListCrudRepository<Issue, String> {

	List<Issue> findAllByOrderByCreatedAtDesc();

	List<Issue> findByStatus(IssueStatus status);

}

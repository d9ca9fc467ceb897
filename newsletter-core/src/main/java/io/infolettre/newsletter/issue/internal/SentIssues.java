package io.infolettre.newsletter.issue.internal;

import java.util.List;

import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.RecentIssues;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The issues sent last, newest first, for the segments' engagement rules. */
@Component
class SentIssues implements RecentIssues {

	private final MongoTemplate mongo;

	SentIssues(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<String> lastSent(int count) {
		var query = Query.query(Criteria.where("status").is(IssueStatus.SENT.name()))
			.with(Sort.by(Sort.Direction.DESC, "sentAt"))
			.limit(count);
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, "issues")
			.stream()
			.map(issue -> issue.get("_id").toString())
			.toList();
	}

}

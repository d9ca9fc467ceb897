package io.infolettre.newsletter.issue.internal;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * The indexes the issue queries use on a real MongoDB: the schedule's synchronisation reads the issues
 * of one status on every node at every interval, the engagement rules the last ones sent; an issue's
 * history is read newest first, and grows with every saved edit. The media library asks which issues
 * show an image before it deletes one.
 */
@Component
class IssueIndexes {

	private final MongoTemplate mongo;

	IssueIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@PostConstruct
	void create() {
		this.mongo.indexOps("issues")
			.createIndex(new Index().on("status", Direction.ASC).on("sentAt", Direction.DESC).named("status_sent_at"));
		this.mongo.indexOps("issues").createIndex(new Index().on("mediaIds", Direction.ASC).named("media_ids"));
		this.mongo.indexOps("issue_versions")
			.createIndex(new Index().on("issueId", Direction.ASC).on("savedAt", Direction.DESC).named("issue_saved_at"));
	}

}

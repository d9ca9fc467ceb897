package io.infolettre.newsletter.issue.internal;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.media.MediaReferences;
import io.infolettre.newsletter.media.MediaUse;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Tells the media library which issues and saved blocks show an image, from their indexed
 * {@code mediaIds}, so that an image in use is not deleted. Every issue counts, sent ones included:
 * their web version and archive still show the image.
 */
@Component
class IssueMediaReferences implements MediaReferences {

	private final MongoTemplate mongo;

	private final MongoSavedBlocks savedBlocks;

	IssueMediaReferences(MongoTemplate mongo, MongoSavedBlocks savedBlocks) {
		this.mongo = mongo;
		this.savedBlocks = savedBlocks;
	}

	@Override
	public List<MediaUse> usesOf(String mediaId) {
		var uses = new ArrayList<MediaUse>();
		var query = Query.query(Criteria.where("mediaIds").is(mediaId));
		query.fields().include("title");
		for (var issue : this.mongo.find(query, org.bson.Document.class, "issues")) {
			uses.add(new MediaUse(MediaUse.ISSUE, String.valueOf(issue.get("_id")), issue.getString("title")));
		}
		for (var saved : this.savedBlocks.using(mediaId)) {
			uses.add(new MediaUse(MediaUse.SAVED_BLOCK, saved.id(), saved.name()));
		}
		return uses;
	}

}

package io.infolettre.newsletter.issue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.infolettre.newsletter.issue.SavedBlock;
import io.infolettre.newsletter.issue.SavedBlocks;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.Blocks;
import jakarta.annotation.PostConstruct;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The saved blocks in the collection {@code saved_blocks}, each with the media library images it
 * shows ({@code mediaIds}, indexed: the library asks before deleting an image).
 */
@Component
class MongoSavedBlocks implements SavedBlocks {

	static final String COLLECTION = "saved_blocks";

	private final MongoTemplate mongo;

	private final Clock clock;

	MongoSavedBlocks(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@PostConstruct
	void createIndexes() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("name", Direction.ASC).named("name"));
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("mediaIds", Direction.ASC).named("media_ids"));
	}

	@Override
	public List<SavedBlock> list() {
		return this.mongo.find(new Query().with(Sort.by("name")), Stored.class, COLLECTION)
			.stream()
			.map(Stored::toSavedBlock)
			.toList();
	}

	@Override
	public Optional<SavedBlock> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Stored.class, COLLECTION)).map(Stored::toSavedBlock);
	}

	@Override
	public SavedBlock save(String name, Block block) {
		String checked = name(name);
		if (block == null) {
			throw new IllegalArgumentException("Le bloc à enregistrer manque.");
		}
		Block valid = Blocks.fromJson(List.of(Blocks.toJson(block))).get(0);
		Instant now = this.clock.instant();
		var stored = this.mongo.insert(new Stored(null, checked, valid, Blocks.mediaIds(List.of(valid)), now, now),
				COLLECTION);
		return stored.toSavedBlock();
	}

	@Override
	public SavedBlock rename(String id, String name) {
		String checked = name(name);
		var renamed = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().set("name", checked).set("updatedAt", this.clock.instant()),
				org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), Stored.class,
				COLLECTION);
		if (renamed == null) {
			throw new NoSuchElementException("Bloc enregistré introuvable : " + id);
		}
		return renamed.toSavedBlock();
	}

	@Override
	public boolean delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
	}

	/** The saved blocks that show this image, for the media library. */
	List<SavedBlock> using(String mediaId) {
		return this.mongo.find(Query.query(Criteria.where("mediaIds").is(mediaId)), Stored.class, COLLECTION)
			.stream()
			.map(Stored::toSavedBlock)
			.toList();
	}

	private static String name(String name) {
		String stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw new IllegalArgumentException("Le nom du bloc enregistré est obligatoire.");
		}
		if (stripped.length() > MAX_NAME) {
			throw new IllegalArgumentException("Le nom du bloc enregistré dépasse " + MAX_NAME + " caractères.");
		}
		return stripped;
	}

	@Document(COLLECTION)
	record Stored(@Id String id, String name, Block block, List<String> mediaIds, Instant createdAt,
			Instant updatedAt) {

		SavedBlock toSavedBlock() {
			return new SavedBlock(this.id, this.name, this.block, this.createdAt, this.updatedAt);
		}

	}

}

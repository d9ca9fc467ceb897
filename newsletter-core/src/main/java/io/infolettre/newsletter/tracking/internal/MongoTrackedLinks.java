package io.infolettre.newsletter.tracking.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.infolettre.newsletter.tracking.TrackedLinks;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The issues' tracked links in MongoDB ({@code tracked_links}), remembered once read or written. */
@Component
class MongoTrackedLinks implements TrackedLinks {

	static final String COLLECTION = "tracked_links";

	private static final int CACHE_LIMIT = 50_000;

	private final MongoTemplate mongo;

	// links never change once registered: remembering them spares the database one read or write each
	private final Map<String, String> known = new ConcurrentHashMap<>();

	MongoTrackedLinks(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int register(String issueId, String url) {
		int key = keyOf(url);
		String id = id(issueId, key);
		if (!url.equals(this.known.get(id))) {
			try {
				this.mongo.insert(new Document("_id", id).append("issueId", issueId).append("url", url), COLLECTION);
			}
			catch (DuplicateKeyException ex) {
				// registered before (another message, another instance)
			}
			remember(id, url);
		}
		return key;
	}

	@Override
	public Optional<String> find(String issueId, int key) {
		String id = id(issueId, key);
		String url = this.known.get(id);
		if (url != null) {
			return Optional.of(url);
		}
		Document link = this.mongo.findById(id, Document.class, COLLECTION);
		if (link == null) {
			return Optional.empty();
		}
		remember(id, link.getString("url"));
		return Optional.of(link.getString("url"));
	}

	private void remember(String id, String url) {
		if (this.known.size() >= CACHE_LIMIT) {
			this.known.clear();
		}
		this.known.put(id, url);
	}

	static int keyOf(String url) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getInt();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// never a bare ObjectId-looking string: Spring Data would query it as an ObjectId
	private static String id(String issueId, int key) {
		return issueId + ":" + Integer.toHexString(key);
	}

}

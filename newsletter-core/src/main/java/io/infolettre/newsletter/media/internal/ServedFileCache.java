package io.infolettre.newsletter.media.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.types.ObjectId;

/**
 * The public files read lately, by their GridFS id, within a total size: a send asks for the same
 * few files once per recipient whose mail client loads images (Apple Mail's privacy protection loads
 * them all), and a file never changes once stored. The least recently served go first. Files larger
 * than an eighth of the room are not kept.
 */
final class ServedFileCache {

	private final long capacity;

	private long size;

	private final LinkedHashMap<ObjectId, byte[]> files = new LinkedHashMap<>(64, 0.75f, true);

	ServedFileCache(long capacity) {
		this.capacity = capacity;
	}

	synchronized byte[] get(ObjectId id) {
		return this.files.get(id);
	}

	synchronized void put(ObjectId id, byte[] bytes) {
		if (bytes.length > this.capacity / 8 || this.files.containsKey(id)) {
			return;
		}
		this.files.put(id, bytes);
		this.size += bytes.length;
		var eldest = this.files.entrySet().iterator();
		while (this.size > this.capacity && eldest.hasNext()) {
			Map.Entry<ObjectId, byte[]> entry = eldest.next();
			this.size -= entry.getValue().length;
			eldest.remove();
		}
	}

	synchronized void remove(ObjectId id) {
		byte[] removed = this.files.remove(id);
		if (removed != null) {
			this.size -= removed.length;
		}
	}

}

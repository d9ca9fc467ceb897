package io.infolettre.embeddedmongo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's unique index (same map, same entries), with the positions of the keys looked up
 * lately kept in memory. Its map compares keys by serialising both at every step of a binary search:
 * a lookup by {@code _id} cost about as much as the update it served, and an update looks its document
 * up twice (to find it, then to check the unique keys), an insert checks its keys twice before it adds
 * them. A wave of opens reads a ledger entry and then updates it; a send confirms each entry it has
 * just read; an import adds addresses it has just looked for: the later lookups are remembered ones,
 * present or absent. Every change of the map goes through this index, which forgets the key first.
 * Only keys of strings and object ids are remembered: for them, equal keys are equal in the map too.
 */
final class RecentKeysIndex extends AbstractUniqueIndex<Object> {

	private static final int REMEMBERED = 16_384;

	// a key known not to be there: an insert looks its keys up twice before it adds them
	private static final Object ABSENT = new Object();

	private final MVMap<KeyValue, Object> map;

	// under the collection's lock, as every use of the index is (a lookup and the write it serves)
	private final Map<KeyValue, Object> recent = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<KeyValue, Object> eldest) {
			return size() > REMEMBERED;
		}

	};

	RecentKeysIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.map = map;
	}

	@Override
	protected synchronized Object getPosition(KeyValue key) {
		Object position = this.recent.get(key);
		if (position == null) {
			position = this.map.get(key);
			if (rememberable(key)) {
				this.recent.put(key, position == null ? ABSENT : position);
			}
		}
		return position == ABSENT ? null : position;
	}

	@Override
	protected synchronized boolean putKeyPosition(KeyValue key, Object position) {
		this.recent.remove(key);
		return this.map.putIfAbsent(key, Missing.ofNullable(position)) == null;
	}

	@Override
	protected synchronized Object removeDocument(KeyValue key) {
		this.recent.remove(key);
		return this.map.remove(key);
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return this.map.entrySet();
	}

	@Override
	public long getCount() {
		return this.map.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.map.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	private static boolean rememberable(KeyValue key) {
		for (Object value : key) {
			if (!(value instanceof String || value instanceof ObjectId)) {
				return false;
			}
		}
		return true;
	}

}

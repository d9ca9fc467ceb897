package io.infolettre.newsletter.system;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server uses an index only when a query names exactly the index's fields: a query for one
 * document by {@code _id} that says anything more ({@code {_id: x, openedAt: {$exists: false}}}, the
 * conditional "set once" update) reads the whole collection. Here a unique index on one field ({@code
 * _id} first, then such as the subscribers' address) picks the candidates whenever the query names
 * its field (a value, {@code $in} or a regular expression), and the rest of the query is then matched
 * against them only, as MongoDB's planner does. Its unique indexes remember the positions of the keys
 * looked up lately ({@link RecentKeysIndex}) and compare keys without serialising them again at every
 * step ({@link SerialOrderKeyType}). The maps are the stock backend's, under the same names:
 * a data folder written before reads the same.
 */
final class IndexFirstH2Database extends H2Database {

	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	// shared by all: what it keeps (a key's serialised bytes) depends on the key alone
	private static final SerialOrderKeyType KEYS = new SerialOrderKeyType();

	private final MVStore store;

	private IndexFirstH2Database(String name, MVStore store, CursorRegistry cursors) {
		super(name, store, cursors);
		this.store = store;
	}

	static IndexFirstH2Database open(String name, MVStore store, CursorRegistry cursors) {
		OPENING.set(store);
		try {
			return new IndexFirstH2Database(name, store, cursors);
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
			boolean sparse) {
		MVMap<KeyValue, Object> map = store().openMap(getFullCollectionNamespace(collection) + "._index_" + name,
				new MVMap.Builder<KeyValue, Object>().keyType(KEYS));
		return new RecentKeysIndex(map, name, keys, sparse);
	}

	// H2Database opens the existing collections in its constructor, before this class's fields are set
	private MVStore store() {
		return this.store != null ? this.store : OPENING.get();
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
		MVStore store = store();
		String namespace = getFullCollectionNamespace(name);
		return new IndexFirstCollection(this, name, options, store.openMap("databases." + namespace),
				store.openMap("meta." + namespace), this.cursorRegistry);
	}

	static final class IndexFirstCollection extends H2Collection {

		IndexFirstCollection(H2Database database, String name, CollectionOptions options,
				MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			for (Index<Object> index : getIndexes()) {
				List<IndexKey> keys = index.getKeys();
				String field = keys.get(0).getKey();
				if (keys.size() != 1 || !query.containsKey(field)) {
					continue;
				}
				var byKey = new Document(field, query.get(field));
				if (index.canHandle(byKey)) {
					// the index found exactly the documents whose key matches: the rest of the query is
					// matched against them (the stock path matches a 1,000-value $in against each of
					// its 1,000 documents again)
					var rest = new Document(query);
					rest.remove(field);
					return matchDocuments(rest, index.getPositions(byKey), orderBy, skip, limit, batchSize, projection);
				}
			}
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
		}

	}

}

package io.infolettre.embeddedmongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server uses an index only when a query names exactly the index's fields: a query for one
 * document by {@code _id} that says anything more ({@code {_id: x, openedAt: {$exists: false}}}, the
 * conditional "set once" update) reads the whole collection. Here a unique index on one field ({@code
 * _id} first, then such as the subscribers' address) picks the candidates whenever the query names
 * its field (a value, {@code $in} or a regular expression), and the rest of the query is then matched
 * against them only, as MongoDB's planner does. Its unique indexes remember the positions of the keys
 * looked up lately ({@link RecentKeysIndex}) and compare keys without serialising them again at every
 * step ({@link SerialOrderKeyType}). Documents are stored as BSON ({@link BsonDocumentType}). The
 * maps are the stock backend's, under the same names: a data folder written before reads the same.
 * <p>
 * The collections named at its opening (the subscribers) keep the values of the fields their other
 * indexes name in memory ({@link IndexedValues}): a count ({@code countDocuments}, the {@code count}
 * command), a {@code distinct}, or a query in {@code _id} order or in none, whose filter names only
 * these fields is answered from them. Everywhere else a non-unique index is, as in the stock backend,
 * only recorded.
 */
final class IndexFirstH2Database extends H2Database {

	private static final Logger log = LoggerFactory.getLogger(IndexFirstH2Database.class);

	private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

	// fills the kept values of a collection from its documents, one collection at a time
	private static final ExecutorService FILLER = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "embedded-mongo-indexed-values");
		thread.setDaemon(true);
		return thread;
	});

	// shared by all: what it keeps (a key's serialised bytes) depends on the key alone
	private static final SerialOrderKeyType KEYS = new SerialOrderKeyType();

	private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();

	private final Opening opening;

	private IndexFirstH2Database(String name, Opening opening, CursorRegistry cursors) {
		super(name, opening.store(), cursors);
		this.opening = opening;
	}

	/** @param countedInMemory the collections whose indexed values are kept in memory for counting */
	static IndexFirstH2Database open(String name, MVStore store, CursorRegistry cursors, Set<String> countedInMemory) {
		var opening = new Opening(store, Set.copyOf(countedInMemory));
		OPENING.set(opening);
		try {
			return new IndexFirstH2Database(name, opening, cursors);
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

	/**
	 * A non-unique index is recorded (it is listed, and names the values kept for counting) without an
	 * index of its own. The stock one, empty, was filled from every document twice whenever it was
	 * opened: twenty reads of all the subscribers at each start for their ten indexes.
	 */
	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
			boolean sparse) {
		return new RecordedIndex(name, keys);
	}

	private static final class RecordedIndex extends EmptyIndex<Object> {

		RecordedIndex(String name, List<IndexKey> keys) {
			super(name, keys);
		}

		// nothing to fill from the documents
		@Override
		public boolean isEmpty() {
			return false;
		}

	}

	// H2Database opens the existing collections in its constructor, before this class's fields are set
	private Opening opening() {
		return this.opening != null ? this.opening : OPENING.get();
	}

	private MVStore store() {
		return opening().store();
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
		MVStore store = store();
		String namespace = getFullCollectionNamespace(name);
		MVMap<Object, Document> data = store.openMap("databases." + namespace,
				new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
		return new IndexFirstCollection(this, name, options, data,
				store.openMap("meta." + namespace), this.cursorRegistry, opening().countedInMemory().contains(name));
	}

	/** {@code countDocuments} (an aggregation: $match, then $group counting) and {@code count} with a filter. */
	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
			Oplog oplog) {
		Optional<Document> counted = switch (command) {
			case "aggregate" -> countStage(query.get("pipeline"))
				.flatMap(filter -> countInMemory(query.get(command), filter))
				.map(n -> countCursor(query.get(command).toString(), n));
			case "count" -> (query.containsKey("skip") || query.containsKey("limit")) ? Optional.empty()
					: countInMemory(query.get(command),
							query.get("query") instanceof Document filter ? filter : new Document())
						.map(IndexFirstH2Database::countReply);
			default -> Optional.empty();
		};
		return counted.orElseGet(() -> super.handleCommand(channel, command, query, resolver, oplog));
	}

	// the driver's countDocuments: [{$match: filter}, {$group: {_id: 1, n: {$sum: 1}}}]
	private static Optional<Document> countStage(Object pipeline) {
		if (!(pipeline instanceof List<?> stages) || stages.size() != 2
				|| !(stages.get(0) instanceof Document match) || !(stages.get(1) instanceof Document group)
				|| match.size() != 1 || !(match.get("$match") instanceof Document filter) || group.size() != 1
				|| !(group.get("$group") instanceof Document grouping) || grouping.size() != 2
				|| !(grouping.get("_id") instanceof Number) || !(grouping.get("n") instanceof Document sum)
				|| !new Document("$sum", 1).equals(sum)) {
			return Optional.empty();
		}
		return Optional.of(filter);
	}

	private Optional<Long> countInMemory(Object collectionName, Document filter) {
		if (!(collectionName instanceof String name)
				|| !(resolveCollection(name, false) instanceof IndexFirstCollection collection)) {
			return Optional.empty();
		}
		return collection.countInMemory(filter);
	}

	private Document countCursor(String collection, long count) {
		List<Document> batch = new ArrayList<>();
		if (count > 0) {
			batch.add(new Document("_id", 1).append("n", asNumber(count)));
		}
		var cursor = new Document("firstBatch", batch).append("id", 0L)
			.append("ns", getDatabaseName() + "." + collection);
		var reply = new Document("cursor", cursor);
		Utils.markOkay(reply);
		return reply;
	}

	private static Document countReply(long count) {
		var reply = new Document("n", asNumber(count));
		Utils.markOkay(reply);
		return reply;
	}

	private static Number asNumber(long count) {
		return count <= Integer.MAX_VALUE ? Integer.valueOf((int) count) : Long.valueOf(count);
	}

	private record Opening(MVStore store, Set<String> countedInMemory) {
	}

	static final class IndexFirstCollection extends H2Collection {

		private final MVMap<Object, Document> data;

		// a query that needs the kept values waits this long for them to be filled, rather than read
		// every document itself
		private static final Duration FILL_WAIT = Duration.ofMinutes(5);

		private final boolean countedInMemory;

		private volatile IndexedValues indexedValues;

		private final AtomicLong answeredFromKeptValues = new AtomicLong();

		IndexFirstCollection(H2Database database, String name, CollectionOptions options,
				MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors,
				boolean countedInMemory) {
			super(database, name, options, data, meta, cursors);
			this.data = data;
			this.countedInMemory = countedInMemory;
		}

		@Override
		public synchronized void addIndex(Index<Object> index) {
			super.addIndex(index);
			keepIndexedValues();
		}

		@Override
		public synchronized void dropIndex(String name) {
			super.dropIndex(name);
			keepIndexedValues();
		}

		// under the collection's lock, as its writes are: the writes after the fill's snapshot go to the new rows
		private void keepIndexedValues() {
			if (!this.countedInMemory) {
				return;
			}
			List<String> paths = new ArrayList<>();
			for (Index<Object> index : getIndexes()) {
				if (!index.isUnique()) {
					index.getKeys().forEach(key -> paths.add(key.getKey()));
				}
			}
			IndexedValues current = this.indexedValues;
			if (current != null && current.keepsExactly(paths)) {
				return;
			}
			if (paths.isEmpty()) {
				this.indexedValues = null;
				return;
			}
			var values = new IndexedValues(paths);
			this.indexedValues = values;
			// the version read stays in the file while it is read: writes meanwhile must not free its chunks
			MVStore store = this.data.getStore();
			MVStore.TxCounter reading = store.registerVersionUsage();
			var snapshot = this.data.entrySet().iterator();
			FILLER.execute(() -> {
				long start = System.nanoTime();
				try {
					if (values.fill(snapshot, () -> this.indexedValues == values)) {
						log.info("{}: the values of {} kept in memory for counting, {} documents in {} ms",
								getCollectionName(), values.fields(), values.size(), (System.nanoTime() - start) / 1_000_000);
					}
				}
				catch (RuntimeException ex) {
					log.error("{}: its values could not be kept in memory; counts read the documents", getCollectionName(), ex);
					synchronized (this) {
						if (this.indexedValues == values) {
							this.indexedValues = null;
						}
					}
				}
				finally {
					store.deregisterVersionUsage(reading);
				}
			});
		}

		@Override
		protected Object addDocumentInternal(Document document) {
			Object position = super.addDocumentInternal(document);
			IndexedValues values = this.indexedValues;
			if (values != null) {
				values.put(Missing.ofNullable(position), document);
			}
			return position;
		}

		@Override
		protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
			super.handleUpdate(position, oldDocument, newDocument);
			IndexedValues values = this.indexedValues;
			if (values != null) {
				values.put(Missing.ofNullable(position), newDocument);
			}
		}

		@Override
		protected void removeDocument(Object position) {
			super.removeDocument(position);
			IndexedValues values = this.indexedValues;
			if (values != null) {
				values.remove(Missing.ofNullable(position));
			}
		}

		/** {@code distinct}: the values of a kept field among the documents a filter the kept values answer selects. */
		@Override
		public synchronized Document handleDistinct(Document query) {
			return distinctFromKeptValues(query).orElseGet(() -> super.handleDistinct(query));
		}

		private Optional<Document> distinctFromKeptValues(Document query) {
			if (!(query.get("key") instanceof String key)) {
				return Optional.empty();
			}
			Document filter = query.get("query") instanceof Document given ? given : new Document();
			return fromKeptValues(filter, (values, rows, selects) -> {
				Function<Object[], Object> valueAt = IndexedValuesFilter.valueAt(key, values)
					.orElseThrow(IndexedValuesFilter.NotKept::new);
				Set<Object> distinct = new TreeSet<>(ValueComparator.ascWithoutListHandling());
				for (Object[] row : rows.values()) {
					if (selects.test(row)) {
						Object value = valueAt.apply(row);
						if (value instanceof Object[] elements) {
							for (Object element : elements) {
								distinct.add(plainValue(element));
							}
						}
						else if (value != null) {
							distinct.add(plainValue(value));
						}
					}
				}
				var reply = new Document("values", new ArrayList<>(distinct));
				Utils.markOkay(reply);
				return reply;
			});
		}

		// nulls and sub-documents as the stock distinct gives them: left to it
		private static Object plainValue(Object kept) {
			if (kept == IndexedValues.NULL || kept instanceof IndexedValues.Fields || kept instanceof Object[]) {
				throw new IndexedValuesFilter.NotKept();
			}
			return kept;
		}

		/** How many counts and queries the kept values answered. */
		long answeredFromKeptValues() {
			return this.answeredFromKeptValues.get();
		}

		/** The number of documents the filter selects, when the kept values answer it; not under the lock. */
		Optional<Long> countInMemory(Document filter) {
			return fromKeptValues(filter,
					(values, rows, selects) -> rows.values().parallelStream().filter(selects).count());
		}

		/**
		 * The answer made from the rows and the filter compiled over them (which passes only rows, never
		 * the mark of a removal), when there is a complete set of rows and the filter and the answer need
		 * nothing that is not kept; empty otherwise, for the documents to answer.
		 */
		private <T> Optional<T> fromKeptValues(Document filter, KeptAnswer<T> answer) {
			IndexedValues values = this.indexedValues;
			if (values == null) {
				return Optional.empty();
			}
			var rows = values.rows(FILL_WAIT);
			var test = rows.flatMap(r -> IndexedValuesFilter.compile(filter, values));
			if (test.isEmpty()) {
				return Optional.empty();
			}
			Predicate<Object[]> matches = test.get();
			try {
				T answered = answer.from(values, rows.get(), row -> IndexedValues.isRow(row) && matches.test(row));
				this.answeredFromKeptValues.incrementAndGet();
				return Optional.of(answered);
			}
			catch (IndexedValuesFilter.NotKept ex) {
				return Optional.empty();
			}
		}

		@FunctionalInterface
		private interface KeptAnswer<T> {

			/** @throws IndexedValuesFilter.NotKept when it needs what the rows do not hold */
			T from(IndexedValues values, NavigableMap<Object, Object[]> rows, Predicate<Object[]> selects);

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
			var inIdOrder = inIdOrder(query, orderBy, skip, limit);
			if (inIdOrder.isPresent()) {
				return matchDocuments(query, inIdOrder.get(), orderBy, skip, limit, batchSize, projection);
			}
			return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
		}

		/**
		 * A query in {@code _id} order (a segment's sample and its pages of members), or in no order (then
		 * in that one), whose filter the kept values answer: the positions of the first {@code skip +
		 * limit} documents it selects (all, without a limit), found by walking the rows in that order from
		 * the query's {@code _id} bound. Only they are read, and matched again. The stock path read and
		 * sorted every document the filter selects.
		 */
		private Optional<List<Object>> inIdOrder(Document query, Document orderBy, int skip, int limit) {
			boolean natural = orderBy == null || orderBy.isEmpty();
			if (!natural && (orderBy.size() != 1 || !(orderBy.get("_id") instanceof Number))
					|| natural && query.isEmpty() && limit <= 0) {
				// every document in no order (an aggregation's input): read in the file's order
				return Optional.empty();
			}
			boolean ascending = natural || ((Number) orderBy.get("_id")).intValue() >= 0;
			int wanted = limit > 0 ? skip + limit : Integer.MAX_VALUE;
			return fromKeptValues(query, (kept, rows, selects) -> {
				List<Object> positions = new ArrayList<>();
				for (Object[] row : from(rows, query.get("_id"), ascending).values()) {
					if (selects.test(row)) {
						positions.add(row[IndexedValues.ID]);
						if (positions.size() == wanted) {
							break;
						}
					}
				}
				return positions;
			});
		}

		// the rows past the query's own bound on _id (a page after the last one seen), in the order asked
		private static NavigableMap<Object, Object[]> from(NavigableMap<Object, Object[]> rows, Object idCondition,
				boolean ascending) {
			NavigableMap<Object, Object[]> walked = rows;
			if (idCondition instanceof Document bounds) {
				String after = ascending ? "$gt" : "$lt";
				String from = ascending ? "$gte" : "$lte";
				for (String operator : List.of(after, from)) {
					Object bound = bounds.get(operator);
					if (bound != null && !(bound instanceof Document) && !(bound instanceof List)) {
						boolean inclusive = operator.equals(from);
						walked = ascending ? walked.tailMap(bound, inclusive) : walked.headMap(bound, inclusive);
					}
				}
			}
			return ascending ? walked : walked.descendingMap();
		}

	}

}

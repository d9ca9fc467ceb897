package io.infolettre.embeddedmongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The values of the fields a collection's indexes name, for every one of its documents, held in memory
 * in a compact form: a count whose filter names only these fields is answered from them without reading
 * a document ({@link IndexedValuesFilter}). mongo-java-server has no secondary indexes and its H2 store
 * deserialises every document a scan reads: counting a segment over a million subscribers took 7 to
 * 33 s. A field named {@code a.$**} (a wildcard index) keeps the whole sub-document {@code a}.
 * <p>
 * The rows follow every write of the collection (its hooks call {@link #put} and {@link #remove}, under
 * the collection's lock). A new set of fields starts a new generation, filled from the documents in
 * the background; a query that needs the rows waits for it (it reads every document once, as the scan
 * the query would otherwise make).
 */
final class IndexedValues {

	/** Stands for an explicit {@code null}; a missing value is a Java {@code null}. */
	static final Object NULL = new Object() {

		@Override
		public String toString() {
			return "null";
		}

	};

	// distinct string values kept once: statuses, languages, lists, sectors repeat over a million rows
	private static final int INTERNED = 65_536;

	private static final Comparator<Object> ID_ORDER = ValueComparator.asc();

	private final List<String> fields;

	// each kept path split at its dots once, not at every write of a document
	private final String[][] keys;

	// in _id order, as MongoDB sorts it: a query in that order stops at the first rows it needs
	private final ConcurrentSkipListMap<Object, Object[]> rows = new ConcurrentSkipListMap<>(IndexedValues::inIdOrder);

	private final ConcurrentHashMap<String, String> interned = new ConcurrentHashMap<>();

	// while the rows are being filled, a removed document leaves this in its place: the fill puts a row
	// only where nothing is (putIfAbsent), so it never brings back what a write has removed or changed
	private static final Object[] REMOVED = new Object[0];

	private volatile boolean filling = true;

	private final CountDownLatch filled = new CountDownLatch(1);

	// documents whose values could not be kept (a path through an array): counts read the documents
	private final Set<Object> unkept = ConcurrentHashMap.newKeySet();

	/** The position of a document (its {@code _id}) is always kept, in the first place. */
	static final int ID = 0;

	IndexedValues(Collection<String> fields) {
		this.fields = keptPaths(fields);
		this.keys = this.fields.stream().map(path -> path.split("\\.", -1)).toArray(String[][]::new);
	}

	/** The paths kept: a wildcard's sub-document covers the paths under it. */
	List<String> fields() {
		return this.fields;
	}

	/** Whether these are the paths kept. */
	boolean keepsExactly(Collection<String> paths) {
		return keptPaths(paths).equals(this.fields);
	}

	/**
	 * The rows by position, in _id order, when they hold every document and every document could be
	 * kept; waits for the fill first (it reads the documents once, as the scan it spares would).
	 */
	Optional<NavigableMap<Object, Object[]>> rows(Duration fillWait) {
		try {
			if (!this.filled.await(fillWait.toMillis(), TimeUnit.MILLISECONDS)) {
				return Optional.empty();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		return this.unkept.isEmpty() ? Optional.of(this.rows) : Optional.empty();
	}

	/** False for the mark a removal leaves while the rows are being filled. */
	static boolean isRow(Object[] row) {
		return row != REMOVED;
	}

	int size() {
		return this.rows.size();
	}

	/** After a write of the document (under the collection's lock, as all writes are). */
	void put(Object position, Document document) {
		Object[] row = row(position, document);
		if (row == null) {
			this.unkept.add(position);
			remove(position);
		}
		else {
			this.rows.put(position, row);
			this.unkept.remove(position);
		}
	}

	/** After the document was removed. */
	void remove(Object position) {
		if (this.filling) {
			this.rows.put(position, REMOVED);
		}
		else {
			this.rows.remove(position);
		}
	}

	/**
	 * Fills the rows from the documents as they were when the iterator was made (an MVMap iterator reads
	 * one version of the map); a row written since is newer and stays. Without the collection's lock:
	 * queries and writes go on meanwhile.
	 * @return whether it went to the end ({@code false} when {@code stillWanted} said to stop)
	 */
	boolean fill(Iterator<? extends Map.Entry<Object, Document>> documents, BooleanSupplier stillWanted) {
		int read = 0;
		while (documents.hasNext()) {
			if ((++read & 0x3ff) == 0 && !stillWanted.getAsBoolean()) {
				return false;
			}
			Map.Entry<Object, Document> entry = documents.next();
			Object[] row = row(entry.getKey(), entry.getValue());
			if (this.rows.putIfAbsent(entry.getKey(), row == null ? REMOVED : row) == null && row == null) {
				this.unkept.add(entry.getKey());
			}
		}
		this.filling = false;
		// a write now removes; the marks left by the ones before go
		for (Map.Entry<Object, Object[]> entry : this.rows.entrySet()) {
			if (entry.getValue() == REMOVED) {
				this.rows.remove(entry.getKey(), REMOVED);
			}
		}
		this.filled.countDown();
		return true;
	}

	private Object[] row(Object position, Document document) {
		Object[] row = new Object[this.fields.size()];
		row[ID] = position;
		for (int i = ID + 1; i < row.length; i++) {
			Object value = keep(valueAt(document, this.keys[i]));
			if (value == UNKEPT) {
				return null;
			}
			row[i] = value;
		}
		return row;
	}

	private static final Object UNKEPT = new Object();

	// the value at a dotted path, null when missing; UNKEPT when the path goes through an array
	private static Object valueAt(Document document, String[] path) {
		Object current = document;
		for (String key : path) {
			if (!(current instanceof Document parent)) {
				return current instanceof List ? UNKEPT : null;
			}
			if (!parent.containsKey(key)) {
				return null;
			}
			current = parent.get(key);
		}
		return current == null ? NULL : current;
	}

	private Object keep(Object value) {
		if (value == null || value == NULL || value == UNKEPT) {
			return value;
		}
		if (value instanceof String string) {
			return intern(string);
		}
		if (value instanceof List<?> list) {
			Object[] elements = new Object[list.size()];
			for (int i = 0; i < elements.length; i++) {
				Object element = list.get(i);
				elements[i] = element == null ? NULL : keep(element);
				if (elements[i] == UNKEPT) {
					return UNKEPT;
				}
			}
			return elements;
		}
		if (value instanceof Document document) {
			Object[] pairs = new Object[document.size() * 2];
			int i = 0;
			for (Map.Entry<String, Object> entry : document.entrySet()) {
				pairs[i++] = intern(entry.getKey());
				pairs[i] = entry.getValue() == null ? NULL : keep(entry.getValue());
				if (pairs[i++] == UNKEPT) {
					return UNKEPT;
				}
			}
			return new Fields(pairs);
		}
		return value;
	}

	String intern(String value) {
		String kept = this.interned.get(value);
		if (kept != null) {
			return kept;
		}
		if (this.interned.size() >= INTERNED) {
			return value;
		}
		kept = this.interned.putIfAbsent(value, value);
		return kept != null ? kept : value;
	}

	/** A kept sub-document: its keys and values, one after the other. */
	record Fields(Object[] pairs) {

		/** The value under a key, {@code null} when missing. */
		Object get(String key) {
			for (int i = 0; i < this.pairs.length; i += 2) {
				if (Objects.equals(this.pairs[i], key)) {
					return this.pairs[i + 1];
				}
			}
			return null;
		}

	}

	// _id first, then the paths in order, each once: "a.$**" keeps "a", and a path under a kept one is
	// kept with it
	private static List<String> keptPaths(Collection<String> paths) {
		List<String> kept = new ArrayList<>(withoutCovered(paths));
		kept.remove("_id");
		kept.add(ID, "_id");
		return List.copyOf(kept);
	}

	private static List<String> withoutCovered(Collection<String> paths) {
		List<String> plain = new ArrayList<>();
		for (String path : paths) {
			plain.add(path.endsWith(".$**") ? path.substring(0, path.length() - 4) : path);
		}
		List<String> kept = new ArrayList<>();
		for (String path : new TreeSet<>(plain)) {
			if (kept.stream().noneMatch(k -> path.startsWith(k + "."))) {
				kept.add(path);
			}
		}
		return kept;
	}

	// ValueComparator's order; two ids of one type (object ids, whole numbers) compared without its
	// dispatch on types, which took a tenth of an insert into the subscribers (profile)
	private static int inIdOrder(Object a, Object b) {
		if (a instanceof ObjectId x && b instanceof ObjectId y) {
			return x.compareTo(y);
		}
		if (a instanceof Long x && b instanceof Long y) {
			return Long.compare(x, y);
		}
		return ID_ORDER.compare(a, b);
	}

}

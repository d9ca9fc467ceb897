package io.infolettre.embeddedmongo;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes: H2's own, in the same order and the same
 * bytes on disk, with the comparison made cheap. H2 orders keys it does not know (mongo-java-server's
 * {@link KeyValue}) by their Java serialisation, and serialises both keys again at every step of a
 * binary search: most of an import's time in the database (profile: 87 %). The serialised form of the
 * keys compared lately is kept here; the order is the very same, so an index written by the stock
 * backend reads and searches the same. Only keys of strings and object ids are kept: for them, equal
 * keys serialise to equal bytes.
 */
final class SerialOrderKeyType extends BasicDataType<Object> {

	private static final int REMEMBERED = 32_768;

	static final int UNKNOWN = Integer.MIN_VALUE;

	private static final int MAX_SHORT_STRING = 0xFFFF;

	private final ObjectDataType objects = new ObjectDataType();

	private final Map<KeyValue, byte[]> serialized = new LinkedHashMap<>(4096, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<KeyValue, byte[]> eldest) {
			return size() > REMEMBERED;
		}

	};

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue x && b instanceof KeyValue y) {
			int direct = compareSingleValues(x, y);
			return direct != UNKNOWN ? direct : ObjectDataType.compareNotNull(serialized(x), serialized(y));
		}
		return this.objects.compare(a, b);
	}

	/**
	 * Two keys of one string each, or of one object id each, in the order of their serialised bytes
	 * without making them. A key serialises as the same bytes (its class, its ArrayList of one) up to
	 * its value; a string then as its modified UTF-8 length on two bytes and its bytes, an object id as
	 * its 12 bytes. Finding the kept bytes of both keys at every step of a search hashed and compared
	 * them each time: a third of an import's inserts in the database (profile).
	 * @return {@link #UNKNOWN} for any other pair of keys
	 */
	static int compareSingleValues(KeyValue x, KeyValue y) {
		if (x.size() != 1 || y.size() != 1) {
			return UNKNOWN;
		}
		Object a = x.get(0);
		Object b = y.get(0);
		if (a instanceof String s && b instanceof String t) {
			return compareModifiedUtf8(s, t);
		}
		if (a instanceof ObjectId s && b instanceof ObjectId t) {
			return Arrays.compareUnsigned(s.toByteArray(), t.toByteArray());
		}
		return UNKNOWN;
	}

	private static int compareModifiedUtf8(String s, String t) {
		int ls = modifiedUtf8Length(s);
		int lt = modifiedUtf8Length(t);
		if (ls > MAX_SHORT_STRING || lt > MAX_SHORT_STRING) {
			return UNKNOWN; // written with an eight-byte length
		}
		if (ls != lt) {
			return ls < lt ? -1 : 1;
		}
		int n = Math.min(s.length(), t.length());
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			char d = t.charAt(i);
			if (c != d) {
				return Integer.compare(byteOrder(c), byteOrder(d));
			}
		}
		return Integer.compare(s.length(), t.length());
	}

	private static int modifiedUtf8Length(String text) {
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			length += (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF) ? 2 : 3;
		}
		return length;
	}

	// UTF-8's bytes order characters as their values, but NUL, written C0 80: after 7F, before C2 80
	private static int byteOrder(char c) {
		return c == 0 ? 0x7F * 2 + 1 : c * 2;
	}

	private byte[] serialized(KeyValue key) {
		if (!rememberable(key)) {
			return ObjectDataType.serialize(key);
		}
		synchronized (this.serialized) {
			byte[] bytes = this.serialized.get(key);
			if (bytes == null) {
				bytes = ObjectDataType.serialize(key);
				this.serialized.put(key, bytes);
			}
			return bytes;
		}
	}

	static boolean rememberable(KeyValue key) {
		for (Object value : key) {
			if (!(value instanceof String || value instanceof ObjectId)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int getMemory(Object key) {
		return this.objects.getMemory(key);
	}

	@Override
	public void write(WriteBuffer buffer, Object key) {
		this.objects.write(buffer, key);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		return this.objects.read(buffer);
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

}

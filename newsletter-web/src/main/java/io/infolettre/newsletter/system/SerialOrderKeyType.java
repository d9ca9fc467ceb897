package io.infolettre.newsletter.system;

import java.nio.ByteBuffer;
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
			return ObjectDataType.compareNotNull(serialized(x), serialized(y));
		}
		return this.objects.compare(a, b);
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

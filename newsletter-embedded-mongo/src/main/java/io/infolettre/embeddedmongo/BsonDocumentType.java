package io.infolettre.embeddedmongo;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded server's collections: a document is stored as BSON, which the server
 * speaks already, in place of H2's Java serialisation of mongo-java-server's document class (each value
 * with its class description, slow both ways and large). It reads both: a value in H2's own form (a
 * file written by the stock backend or before this type) is read as it was written, and every page
 * written again is BSON. A BSON value starts with a byte H2's form never starts with.
 */
final class BsonDocumentType extends BasicDataType<Document> {

	// H2's ObjectDataType starts a value with a tag from 0 to 119
	private static final byte BSON = (byte) 0xB5;

	private final ObjectDataType objects = new ObjectDataType();

	// one encoding buffer per writing thread (a commit writes every changed document of its pages):
	// a new one for each document grew by doubling: about a gigabyte over a pixel benchmark (JFR)
	private static final int KEPT_BUFFER = 1 << 20;

	private final ThreadLocal<ByteBuf> buffers = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

	@Override
	public void write(WriteBuffer buffer, Document document) {
		ByteBuf bytes = this.buffers.get().clear();
		BsonEncoder.encodeDocument(document, bytes);
		int length = bytes.readableBytes();
		buffer.put(BSON).putVarInt(length).put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), length);
		if (bytes.capacity() > KEPT_BUFFER) {
			this.buffers.remove();
		}
	}

	@Override
	public Document read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != BSON) {
			return (Document) this.objects.read(buffer);
		}
		buffer.get();
		int length = DataUtils.readVarInt(buffer);
		ByteBuffer bson = buffer.slice(buffer.position(), length);
		buffer.position(buffer.position() + length);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
	}

	/** An estimate of the document's size in memory, for the page cache (without encoding it). */
	@Override
	public int getMemory(Document document) {
		return (int) Math.min(Integer.MAX_VALUE, memory(document));
	}

	private static long memory(Object value) {
		if (value instanceof Map<?, ?> map) {
			long total = 64;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				total += 48 + memory(entry.getKey()) + memory(entry.getValue());
			}
			return total;
		}
		if (value instanceof Collection<?> collection) {
			long total = 40;
			for (Object element : collection) {
				total += 8 + memory(element);
			}
			return total;
		}
		if (value instanceof String string) {
			return 40 + string.length();
		}
		if (value instanceof byte[] bytes) {
			return 16 + bytes.length;
		}
		return 24;
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}

package io.infolettre.embeddedmongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A document is written as BSON and read back equal; one H2 wrote in its own form reads too. */
class BsonDocumentTypeTests {

	private final BsonDocumentType type = new BsonDocumentType();

	@Test
	void writesBsonAndReadsItBack() {
		Document document = subscriber();
		var buffer = new WriteBuffer();
		this.type.write(buffer, document);
		this.type.write(buffer, document);
		ByteBuffer written = buffer.getBuffer().flip();

		assertThat(written.get(0)).isEqualTo((byte) 0xB5);
		assertThat(this.type.read(written)).isEqualTo(document);
		assertThat(this.type.read(written)).as("the first one read to its end").isEqualTo(document);
		assertThat(written.hasRemaining()).isFalse();
		assertThat(written.limit() / 2).as("BSON takes less than half the room of the Java serialisation")
			.isLessThan(javaSerialised(document).limit() / 2);
	}

	@Test
	void readsADocumentH2WroteInItsOwnForm() {
		Document document = subscriber();
		assertThat(this.type.read(javaSerialised(document))).isEqualTo(document);
	}

	private static ByteBuffer javaSerialised(Document document) {
		var buffer = new WriteBuffer();
		new ObjectDataType().write(buffer, document);
		return buffer.getBuffer().flip();
	}

	private static Document subscriber() {
		return new Document("_id", new ObjectId()).append("email", "zoé.côté@exemple.ca")
			.append("status", "ACTIVE")
			.append("lists", List.of("infolettre", "événements"))
			.append("attributes", new Document("secteur", "Génie").append("employés", 42L).append("ratio", 0.5))
			.append("consent", new Document("grantedAt", Instant.parse("2026-01-15T10:00:00Z")).append("expiresAt", null));
	}

}

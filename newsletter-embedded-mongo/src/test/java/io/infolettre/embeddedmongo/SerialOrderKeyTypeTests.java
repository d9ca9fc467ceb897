package io.infolettre.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index key type orders keys exactly as H2's own does: an index written before searches the same. */
class SerialOrderKeyTypeTests {

	@Test
	void ordersEveryPairOfKeysAsH2Does() {
		var random = new Random(20261127);
		List<KeyValue> keys = new ArrayList<>();
		String letters = "aàâbcçdeéèêëfghiîïjklmnoôpqrstuùûvwxyz-.@0123456789ÉÈÀ’";
		for (int i = 0; i < 300; i++) {
			var word = new StringBuilder();
			for (int n = random.nextInt(40); n >= 0; n--) {
				word.append(letters.charAt(random.nextInt(letters.length())));
			}
			keys.add(new KeyValue(word.toString()));
		}
		// what the serialised form makes of unusual characters: NUL (C0 80), surrogate pairs, three-byte
		// characters, equal lengths in bytes made of other characters, prefixes
		String[] unusual = { "", "a", "a\u0000", "a\u007F", "a\u0080", "\u0000", "\u0000a", "\u07FF", "\u0800",
				"z\uFFFF", "\uD83D\uDE00", "\uD83D\uDE01x", "é", "ée", "eé", "\u00E9\u00E9", "\u4E2D\u6587", "ab",
				"abc", "abd", "\u0100", "\u00FF\u00FF", "x".repeat(300), "x".repeat(300) + "é" };
		for (String text : unusual) {
			keys.add(new KeyValue(text));
		}
		for (int i = 0; i < 60; i++) {
			var word = new StringBuilder();
			for (int n = random.nextInt(8); n >= 0; n--) {
				word.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
			}
			keys.add(new KeyValue(word.toString()));
		}
		byte[] bytes = new byte[12];
		for (int i = 0; i < 30; i++) {
			random.nextBytes(bytes);
			keys.add(new KeyValue(new ObjectId(bytes.clone())));
		}
		for (int i = 0; i < 60; i++) {
			keys.add(new KeyValue(new ObjectId()));
			keys.add(new KeyValue(random.nextInt(1000)));
			keys.add(new KeyValue(random.nextDouble()));
			keys.add(new KeyValue("membre" + i + "@exemple.ca", random.nextInt(3)));
			keys.add(new KeyValue("6b08ebcbf5614d66f45c1758" + "%08x".formatted(i)));
		}
		var h2 = new ObjectDataType();
		var ours = new SerialOrderKeyType();
		for (int pass = 0; pass < 2; pass++) { // the second pass compares remembered bytes
			for (KeyValue a : keys) {
				for (KeyValue b : keys) {
					assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
						.isEqualTo(Integer.signum(h2.compare(a, b)));
				}
			}
		}
		// equal keys made apart compare equal
		assertThat(ours.compare(new KeyValue("lecteur@membres.ca"), new KeyValue("lecteur@membres.ca"))).isZero();
	}

}

package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * An index as the application asked for it in a {@code createIndexes} command: its keys in order
 * with their direction (0 for a key that is neither ascending nor descending, such as "hashed"), and
 * whether it is unique. A key ending in {@code $**} makes it a wildcard index.
 */
record DeclaredIndex(String name, List<Key> keys, boolean unique) {

	/** The index every collection has. */
	static final DeclaredIndex ID = new DeclaredIndex("_id_", List.of(new Key("_id", 1)), true);

	record Key(String field, int direction) {

		@Override
		public String toString() {
			return this.field + ": " + this.direction;
		}

	}

	static DeclaredIndex of(BsonDocument specification) {
		var keys = new ArrayList<Key>();
		specification.getDocument("key").forEach((field, value) -> keys.add(new Key(field,
				value.isNumber() ? Integer.signum(value.asNumber().intValue()) : 0)));
		return new DeclaredIndex(specification.getString("name", new BsonString("")).getValue(), List.copyOf(keys),
				specification.getBoolean("unique", BsonBoolean.FALSE).getValue());
	}

	boolean isWildcard() {
		return this.keys.size() == 1 && this.keys.get(0).field().endsWith("$**");
	}

	/** For a wildcard index, the path under which it indexes every field ("" for all fields). */
	String wildcardPath() {
		String field = this.keys.get(0).field();
		return field.substring(0, field.length() - "$**".length());
	}

	@Override
	public String toString() {
		return this.name + " " + this.keys.stream().map(Key::toString).collect(Collectors.joining(", ", "{", "}"))
				+ (this.unique ? " unique" : "");
	}

}

package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What one command (or one statement of a bulk write) asks a collection for: its filter shape, its
 * sort, whether it stops after a few documents, and for {@code distinct} the field it walks. Its
 * {@link #text()} names the query without its values.
 */
record CommandShape(String command, String collection, FilterShape filter, List<SortKey> sort, boolean limited,
		String distinctKey) {

	/** The commands that read or write existing documents, hence choose an index. */
	static final Set<String> QUERIES = Set.of("find", "update", "delete", "findAndModify", "count", "distinct",
			"aggregate");

	record SortKey(String field, int direction) {

		@Override
		public String toString() {
			return this.field + ": " + this.direction;
		}

	}

	String text() {
		var text = new StringBuilder(this.command).append(' ').append(this.collection).append(' ').append(this.filter.text());
		if (this.distinctKey != null) {
			text.append(" key ").append(this.distinctKey);
		}
		if (!this.sort.isEmpty()) {
			text.append(" sort ").append(sortText());
		}
		if (this.limited) {
			text.append(" limit");
		}
		return text.toString();
	}

	String sortText() {
		return this.sort.stream().map(SortKey::toString).collect(Collectors.joining(", ", "{", "}"));
	}

	/** A whole-collection {@code count} without a filter, which the server answers from its metadata. */
	boolean isMetadataCount() {
		return this.command.equals("count") && this.filter.text().equals("{}");
	}

	/** The distinct shapes of a command: a bulk update or delete has one per statement shape. */
	static Set<CommandShape> of(String command, BsonDocument body) {
		String collection = body.get(command).isString() ? body.getString(command).getValue() : "";
		Set<CommandShape> shapes = new LinkedHashSet<>();
		switch (command) {
			case "find" -> shapes.add(new CommandShape(command, collection, filter(body, "filter"), sort(body, "sort"),
					isLimited(body), null));
			case "findAndModify" -> shapes
				.add(new CommandShape(command, collection, filter(body, "query"), sort(body, "sort"), true, null));
			case "count" -> shapes.add(new CommandShape(command, collection, filter(body, "query"), List.of(),
					isLimited(body), null));
			case "distinct" -> shapes.add(new CommandShape(command, collection, filter(body, "query"), List.of(), false,
					body.getString("key").getValue()));
			case "update" -> statements(body, "updates")
				.forEach(statement -> shapes.add(new CommandShape(command, collection, filter(statement, "q"),
						List.of(), false, null)));
			case "delete" -> statements(body, "deletes")
				.forEach(statement -> shapes.add(new CommandShape(command, collection, filter(statement, "q"),
						List.of(), false, null)));
			case "aggregate" -> shapes.add(aggregate(collection, body.getArray("pipeline", new BsonArray())));
			default -> throw new IllegalArgumentException("Not a query command: " + command);
		}
		return shapes;
	}

	// the leading $match and $sort choose the index; the stages after them work on what those return
	private static CommandShape aggregate(String collection, BsonArray pipeline) {
		var filter = FilterShape.EMPTY;
		List<SortKey> sort = List.of();
		boolean limited = false;
		int stage = 0;
		if (stage < pipeline.size() && pipeline.get(stage).asDocument().containsKey("$match")) {
			filter = FilterShape.of(pipeline.get(stage).asDocument().getDocument("$match"));
			stage++;
		}
		if (stage < pipeline.size() && pipeline.get(stage).asDocument().containsKey("$sort")) {
			sort = sortKeys(pipeline.get(stage).asDocument().getDocument("$sort"));
			stage++;
		}
		if (stage < pipeline.size() && pipeline.get(stage).asDocument().containsKey("$limit")) {
			limited = true;
		}
		return new CommandShape("aggregate", collection, filter, sort, limited, null);
	}

	private static List<BsonDocument> statements(BsonDocument body, String field) {
		return body.getArray(field, new BsonArray()).stream().map(BsonValue::asDocument).toList();
	}

	private static FilterShape filter(BsonDocument body, String field) {
		return body.containsKey(field) ? FilterShape.of(body.getDocument(field)) : FilterShape.EMPTY;
	}

	private static List<SortKey> sort(BsonDocument body, String field) {
		return body.containsKey(field) ? sortKeys(body.getDocument(field)) : List.of();
	}

	private static List<SortKey> sortKeys(BsonDocument sort) {
		var keys = new ArrayList<SortKey>();
		sort.forEach((field, direction) -> keys
			.add(new SortKey(field, direction.isNumber() && direction.asNumber().intValue() < 0 ? -1 : 1)));
		return keys;
	}

	private static boolean isLimited(BsonDocument body) {
		return (body.containsKey("limit") && body.get("limit").isNumber() && body.get("limit").asNumber().longValue() > 0)
				|| body.getBoolean("singleBatch", BsonBoolean.FALSE).getValue();
	}

}

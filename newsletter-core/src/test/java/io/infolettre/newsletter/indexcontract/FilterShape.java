package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A query filter reduced to its field names and operators: its text, with every value replaced by
 * {@code ?}, identifies the query however the values change; its branches are what an index must
 * serve (the conjunctions of a filter with its {@code $or} alternatives distributed over them).
 */
record FilterShape(String text, List<Branch> branches) {

	// a filter that crosses several $or past this many branches is judged on its first ones
	private static final int BRANCH_LIMIT = 256;

	private static final Pattern HEX_SEGMENT = Pattern
		.compile("(?=.*[0-9])[0-9a-f]{6,}");

	private static final Pattern HEX_KEY = Pattern.compile("\\.[0-9a-f]{6,}");

	static final FilterShape EMPTY = of(new BsonDocument());

	static FilterShape of(BsonDocument filter) {
		var branches = branches(filter, "").stream().map(Branch::new).distinct().toList();
		return new FilterShape(text(filter), branches);
	}

	/** How an index can use a field's condition. */
	enum Kind {

		/** {@code field: value}, {@code $eq}, {@code $in}, {@code $all}: bounds of single values. */
		EQUALITY,

		/**
		 * {@code field: null} or {@code $exists: false}: equality to null for a regular index, which a
		 * wildcard index cannot serve.
		 */
		NULL,

		/** {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, a regular expression anchored with ^. */
		RANGE,

		/** Anything an index cannot bound: {@code $ne}, {@code $nin}, {@code $exists: true}, {@code $not}... */
		OTHER;

		Kind strongest(Kind other) {
			return ordinal() <= other.ordinal() ? this : other;
		}

		boolean isEquality() {
			return this == EQUALITY || this == NULL;
		}

	}

	/** One conjunction of conditions, field by field. */
	record Branch(Map<String, Kind> fields) {

		Kind kind(String field) {
			return this.fields.get(field);
		}

		boolean isEquality(String field) {
			Kind kind = this.fields.get(field);
			return kind != null && kind.isEquality();
		}

		@Override
		public String toString() {
			return this.fields.entrySet()
				.stream()
				.map(e -> e.getKey() + " " + e.getValue().name().toLowerCase())
				.collect(Collectors.joining(", ", "{", "}"));
		}

	}

	private static List<Map<String, Kind>> branches(BsonDocument filter, String prefix) {
		List<Map<String, Kind>> result = new ArrayList<>(List.of(new LinkedHashMap<>()));
		for (var entry : filter.entrySet()) {
			String key = entry.getKey();
			BsonValue value = entry.getValue();
			switch (key) {
				case "$and" -> {
					for (BsonValue element : value.asArray()) {
						result = cross(result, branches(element.asDocument(), prefix));
					}
				}
				case "$or" -> {
					List<Map<String, Kind>> alternatives = new ArrayList<>();
					for (BsonValue element : value.asArray()) {
						alternatives.addAll(branches(element.asDocument(), prefix));
					}
					result = cross(result, alternatives);
				}
				case "$nor" -> {
					for (BsonValue element : value.asArray()) {
						for (String field : element.asDocument().keySet()) {
							add(result, prefix + field, Kind.OTHER);
						}
					}
				}
				case "$comment" -> {
				}
				default -> {
					if (key.startsWith("$")) {
						add(result, key, Kind.OTHER); // $expr, $where, $text, $jsonSchema
					}
					else {
						result = condition(prefix + key, value, result);
					}
				}
			}
		}
		return result;
	}

	private static List<Map<String, Kind>> condition(String field, BsonValue value, List<Map<String, Kind>> result) {
		if (value.isRegularExpression()) {
			var regex = value.asRegularExpression();
			add(result, field, regexKind(regex.getPattern(), regex.getOptions()));
			return result;
		}
		if (!isOperators(value)) {
			add(result, field, value.isNull() ? Kind.NULL : Kind.EQUALITY);
			return result;
		}
		var operators = value.asDocument();
		for (var operator : operators.entrySet()) {
			BsonValue operand = operator.getValue();
			switch (operator.getKey()) {
				case "$eq" -> add(result, field, operand.isNull() ? Kind.NULL : Kind.EQUALITY);
				case "$in", "$all" -> add(result, field, Kind.EQUALITY);
				case "$gt", "$gte", "$lt", "$lte" -> add(result, field, Kind.RANGE);
				case "$regex" -> add(result, field, operand.isRegularExpression()
						? regexKind(operand.asRegularExpression().getPattern(), operand.asRegularExpression().getOptions())
						: regexKind(operand.asString().getValue(),
								operators.getString("$options", new BsonString("")).getValue()));
				case "$options" -> {
				}
				// missing reads as null in a regular index: MongoDB bounds {$exists: false} to [null, null]
				case "$exists" -> add(result, field, exists(operand) ? Kind.OTHER : Kind.NULL);
				case "$elemMatch" -> {
					if (isOperators(operand)) {
						result = condition(field, operand, result);
					}
					else {
						result = cross(result, branches(operand.asDocument(), field + "."));
					}
				}
				default -> add(result, field, Kind.OTHER);
			}
		}
		return result;
	}

	private static boolean exists(BsonValue operand) {
		return operand.isBoolean() ? operand.asBoolean().getValue()
				: !operand.isNumber() || operand.asNumber().doubleValue() != 0;
	}

	private static Kind regexKind(String pattern, String options) {
		return pattern.startsWith("^") && !options.contains("i") ? Kind.RANGE : Kind.OTHER;
	}

	private static boolean isOperators(BsonValue value) {
		return value.isDocument() && !value.asDocument().isEmpty()
				&& value.asDocument().getFirstKey().startsWith("$");
	}

	private static void add(List<Map<String, Kind>> branches, String field, Kind kind) {
		String name = fieldName(field);
		branches.forEach(branch -> branch.merge(name, kind, Kind::strongest));
	}

	/**
	 * A field name with its map keys (a path segment of six or more hexadecimal digits, such as a
	 * link's key in {@code clickedLinks.<key>}) written {@code <key>}: one shape, whatever the key.
	 */
	static String fieldName(String path) {
		if (!HEX_KEY.matcher(path).find()) {
			return path;
		}
		return Arrays.stream(path.split("\\.", -1))
			.map(segment -> HEX_SEGMENT.matcher(segment).matches() ? "<key>" : segment)
			.collect(Collectors.joining("."));
	}

	private static List<Map<String, Kind>> cross(List<Map<String, Kind>> left, List<Map<String, Kind>> right) {
		Set<Map<String, Kind>> product = new LinkedHashSet<>();
		for (var l : left) {
			for (var r : right) {
				var merged = new LinkedHashMap<>(l);
				r.forEach((field, kind) -> merged.merge(field, kind, Kind::strongest));
				product.add(merged);
				if (product.size() == BRANCH_LIMIT) {
					return new ArrayList<>(product);
				}
			}
		}
		return new ArrayList<>(product);
	}

	static String text(BsonDocument document) {
		var entries = new ArrayList<String>();
		for (var entry : document.entrySet()) {
			entries.add(fieldName(entry.getKey()) + ": " + valueText(entry.getKey(), entry.getValue()));
		}
		return "{" + String.join(", ", entries) + "}";
	}

	private static String valueText(String key, BsonValue value) {
		return switch (key) {
			case "$and", "$or", "$nor" -> value.asArray()
				.stream()
				.map(element -> text(element.asDocument()))
				.distinct() // an $or over three lists has the shape of one over two
				.collect(Collectors.joining(", ", "[", "]"));
			case "$in", "$nin", "$all" -> "[?]";
			case "$exists" -> String.valueOf(exists(value));
			case "$regex" -> value.isRegularExpression() ? regexText(value.asRegularExpression())
					: value.asString().getValue().startsWith("^") ? "/^?/" : "/?/";
			default -> {
				if (value.isNull()) {
					yield "null";
				}
				if (value.isRegularExpression()) {
					yield regexText(value.asRegularExpression());
				}
				// operators and $elemMatch keep their structure; a document compared whole is one value
				yield isOperators(value) || key.equals("$elemMatch") ? text(value.asDocument()) : "?";
			}
		};
	}

	private static String regexText(BsonRegularExpression regex) {
		return (regex.getPattern().startsWith("^") ? "/^?/" : "/?/") + regex.getOptions();
	}

}

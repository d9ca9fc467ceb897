package io.infolettre.embeddedmongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A MongoDB filter compiled once to a test over the rows of {@link IndexedValues}, with MongoDB's
 * meaning: a value, {@code $eq}, {@code $ne}, {@code $in}, {@code $nin}, {@code $all}, {@code $gt},
 * {@code $gte}, {@code $lt}, {@code $lte} (within a type: numbers with numbers, dates with dates),
 * {@code $exists}, regular expressions, {@code $not}, {@code $and}, {@code $or}, {@code $nor}; an array
 * matches when one of its elements does, {@code null} matches a missing field. A filter that uses
 * anything else, or a field that is not kept, does not compile: its count reads the documents.
 * mongo-java-server's matcher, general, took about 8 µs a document; this takes well under one.
 */
final class IndexedValuesFilter {

	private static final ValueComparator ORDER = ValueComparator.asc();

	private final List<String> fields;

	private final IndexedValues values;

	private IndexedValuesFilter(IndexedValues values) {
		this.values = values;
		this.fields = values.fields();
	}

	/** The filter as a test over the rows, or empty when it names a field not kept or an unknown operator. */
	static Optional<Predicate<Object[]>> compile(Document filter, IndexedValues values) {
		try {
			return Optional.of(new IndexedValuesFilter(values).document(filter));
		}
		catch (NotKept ex) {
			return Optional.empty();
		}
	}

	/** The value at a path, as kept in a row; empty when the path is not kept. */
	static Optional<Function<Object[], Object>> valueAt(String path, IndexedValues values) {
		try {
			Resolver resolver = new IndexedValuesFilter(values).resolver(path);
			return Optional.of(resolver::valueAt);
		}
		catch (NotKept ex) {
			return Optional.empty();
		}
	}

	private Predicate<Object[]> document(Document filter) {
		List<Predicate<Object[]>> tests = new ArrayList<>();
		for (Map.Entry<String, Object> entry : filter.entrySet()) {
			String key = entry.getKey();
			switch (key) {
				case "$and" -> tests.add(all(subFilters(entry.getValue())));
				case "$or" -> tests.add(any(subFilters(entry.getValue())));
				case "$nor" -> tests.add(any(subFilters(entry.getValue())).negate());
				default -> {
					if (key.startsWith("$")) {
						throw new NotKept();
					}
					tests.add(field(key, entry.getValue()));
				}
			}
		}
		return all(tests);
	}

	private List<Predicate<Object[]>> subFilters(Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw new NotKept();
		}
		List<Predicate<Object[]>> tests = new ArrayList<>();
		for (Object element : list) {
			if (!(element instanceof Document filter)) {
				throw new NotKept();
			}
			tests.add(document(filter));
		}
		return tests;
	}

	private Predicate<Object[]> field(String path, Object condition) {
		Resolver resolver = resolver(path);
		Predicate<Object> test = condition(condition);
		return row -> test.test(resolver.valueAt(row));
	}

	// a condition on the value at one path (null: missing; IndexedValues.NULL: an explicit null)
	private Predicate<Object> condition(Object condition) {
		if (isRegularExpression(condition)) {
			return matchesRegularExpression(pattern(condition, null));
		}
		if (condition instanceof Document operators && !operators.isEmpty()
				&& operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
			List<Predicate<Object>> tests = new ArrayList<>();
			for (Map.Entry<String, Object> entry : operators.entrySet()) {
				tests.add(operator(entry.getKey(), entry.getValue(), operators));
			}
			return all(tests);
		}
		return equalTo(scalar(condition));
	}

	private Predicate<Object> operator(String operator, Object operand, Document operators) {
		return switch (operator) {
			case "$eq" -> equalTo(scalar(operand));
			case "$ne" -> equalTo(scalar(operand)).negate();
			case "$in" -> anyOf(scalars(operand));
			case "$nin" -> anyOf(scalars(operand)).negate();
			case "$all" -> {
				List<Predicate<Object>> each = scalars(operand).stream().map(this::equalTo).toList();
				if (each.isEmpty()) {
					throw new NotKept();
				}
				yield value -> each.stream().allMatch(test -> test.test(value));
			}
			case "$gt" -> compared(operand, c -> c > 0);
			case "$gte" -> compared(operand, c -> c >= 0);
			case "$lt" -> compared(operand, c -> c < 0);
			case "$lte" -> compared(operand, c -> c <= 0);
			case "$exists" -> {
				if (!(operand instanceof Boolean exists)) {
					throw new NotKept();
				}
				yield value -> (value != null) == exists;
			}
			case "$regex" -> matchesRegularExpression(pattern(operand, operators.get("$options")));
			case "$options" -> {
				if (!operators.containsKey("$regex")) {
					throw new NotKept();
				}
				yield value -> true;
			}
			case "$not" -> {
				if (!(operand instanceof Document) && !isRegularExpression(operand)) {
					throw new NotKept();
				}
				yield condition(operand).negate();
			}
			default -> throw new NotKept();
		};
	}

	// strings, dates, ids and booleans are equal when equals() says so: looked up in a set (a company
	// attribute becomes the names of a hundred companies); null and numbers (1 = 1.0) one by one
	private Predicate<Object> anyOf(List<Object> candidates) {
		Set<Object> plain = new HashSet<>();
		List<Predicate<Object>> tests = new ArrayList<>();
		for (Object candidate : candidates) {
			if (candidate instanceof String string) {
				plain.add(this.values.intern(string));
			}
			else if (candidate instanceof Instant || candidate instanceof ObjectId || candidate instanceof Boolean) {
				plain.add(candidate);
			}
			else {
				tests.add(equalTo(candidate));
			}
		}
		if (!plain.isEmpty()) {
			tests.add(valueOrAnyElement(plain::contains));
		}
		return any(tests);
	}

	private Predicate<Object> equalTo(Object expected) {
		if (expected == null) {
			return value -> value == null || value == IndexedValues.NULL
					|| value instanceof Object[] elements && contains(elements, IndexedValues.NULL);
		}
		Object kept = expected instanceof String string ? this.values.intern(string) : expected;
		return valueOrAnyElement(value -> value != null && sameScalar(value, kept));
	}

	// MongoDB's rule for arrays: a condition on a field holds for an array when it holds for an element
	private static Predicate<Object> valueOrAnyElement(Predicate<Object> one) {
		return value -> {
			if (value instanceof Object[] elements) {
				for (Object element : elements) {
					if (one.test(element)) {
						return true;
					}
				}
				return false;
			}
			return one.test(value);
		};
	}

	private static boolean contains(Object[] elements, Object wanted) {
		for (Object element : elements) {
			if (element == wanted) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameScalar(Object value, Object expected) {
		if (value == expected) {
			return true;
		}
		if (value instanceof Number && expected instanceof Number) {
			return ORDER.compare(value, expected) == 0;
		}
		return expected.equals(value);
	}

	private Predicate<Object> compared(Object operand, IntPredicate outcome) {
		Object bound = scalar(operand);
		Class<?> type = comparableType(bound);
		if (type == null) {
			throw new NotKept();
		}
		Predicate<Object> one = value -> value != null && comparableType(value) == type
				&& outcome.test(ORDER.compare(value, bound));
		return valueOrAnyElement(one);
	}

	// MongoDB compares within a type only: a date is never greater than a number
	private static Class<?> comparableType(Object value) {
		if (value instanceof Number) {
			return Number.class;
		}
		if (value instanceof String || value instanceof Instant || value instanceof ObjectId
				|| value instanceof Boolean) {
			return value.getClass();
		}
		return null;
	}

	private static Predicate<Object> matchesRegularExpression(Pattern pattern) {
		Predicate<Object> one = value -> value instanceof String string && pattern.matcher(string).find();
		return valueOrAnyElement(one);
	}

	private static boolean isRegularExpression(Object value) {
		return value instanceof BsonRegularExpression || value instanceof Pattern;
	}

	private static Pattern pattern(Object expression, Object options) {
		String source;
		String flags;
		if (expression instanceof BsonRegularExpression regex) {
			source = regex.getPattern();
			flags = options instanceof String given ? given : regex.getOptions();
		}
		else if (expression instanceof Pattern compiled) {
			if (options != null) {
				throw new NotKept();
			}
			return compiled;
		}
		else if (expression instanceof String given && (options == null || options instanceof String)) {
			source = given;
			flags = (String) options;
		}
		else {
			throw new NotKept();
		}
		int bits = 0;
		for (char flag : (flags == null ? "" : flags).toCharArray()) {
			bits |= switch (flag) {
				case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
				case 'm' -> Pattern.MULTILINE;
				case 's' -> Pattern.DOTALL;
				case 'x' -> Pattern.COMMENTS;
				default -> throw new NotKept();
			};
		}
		return Pattern.compile(source, bits);
	}

	private List<Object> scalars(Object operand) {
		if (!(operand instanceof List<?> list)) {
			throw new NotKept();
		}
		List<Object> scalars = new ArrayList<>();
		for (Object element : list) {
			scalars.add(scalar(element));
		}
		return scalars;
	}

	// documents, arrays and regular expressions as values compare by shape: left to the documents
	private static Object scalar(Object value) {
		if (value instanceof Document || value instanceof List || isRegularExpression(value)) {
			throw new NotKept();
		}
		return value;
	}

	private Resolver resolver(String path) {
		for (int i = 0; i < this.fields.size(); i++) {
			String kept = this.fields.get(i);
			int slot = i;
			if (kept.equals(path)) {
				return row -> row[slot];
			}
			if (path.startsWith(kept + ".")) {
				String[] rest = path.substring(kept.length() + 1).split("\\.");
				for (int j = 0; j < rest.length; j++) {
					if (rest[j].isEmpty() || Character.isDigit(rest[j].charAt(0))) {
						throw new NotKept(); // array positions: left to the documents
					}
					rest[j] = this.values.intern(rest[j]);
				}
				return row -> {
					Object value = row[slot];
					for (String key : rest) {
						if (!(value instanceof IndexedValues.Fields fields)) {
							// through an array, a path means its elements' fields: left to the documents
							if (value instanceof Object[]) {
								throw new NotKept();
							}
							return null;
						}
						value = fields.get(key);
					}
					return value;
				};
			}
		}
		throw new NotKept();
	}

	private static <T> Predicate<T> all(List<Predicate<T>> tests) {
		if (tests.size() == 1) {
			return tests.get(0);
		}
		return value -> {
			for (Predicate<T> test : tests) {
				if (!test.test(value)) {
					return false;
				}
			}
			return true;
		};
	}

	private static <T> Predicate<T> any(List<Predicate<T>> tests) {
		return value -> {
			for (Predicate<T> test : tests) {
				if (test.test(value)) {
					return true;
				}
			}
			return false;
		};
	}

	@FunctionalInterface
	private interface Resolver {

		Object valueAt(Object[] row);

	}

	/** The filter needs what is not kept: the documents answer it. */
	static final class NotKept extends RuntimeException {

		NotKept() {
			super(null, null, false, false);
		}

	}

}

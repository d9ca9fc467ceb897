package io.infolettre.newsletter.subscriber.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.subscriber.CsvCells;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;
import io.infolettre.newsletter.subscriber.UnknownChoices;

/**
 * Reads the columns a mapping gives choice attributes and counts the values their lists lack, for
 * the mapping step. Bounded: at most so many rows, and a thousand different values per attribute.
 */
final class UnknownChoiceScan {

	private static final int MOST_DISTINCT = 1000;

	private UnknownChoiceScan() {
	}

	static List<UnknownChoices> scan(Path file, Charset charset, char separator, SubscriberImportOptions options,
			Map<String, AttributeDefinition> definitions, long maxRows) throws IOException {
		Map<Integer, Counter> columns = new LinkedHashMap<>();
		for (int column = 0; column < options.mapping().size(); column++) {
			String name = SubscriberImportOptions.Column.attributeName(options.mapping().get(column));
			AttributeDefinition definition = name == null ? null : definitions.get(name);
			if (definition != null && definition.type() == AttributeType.CHOICE) {
				columns.put(column, new Counter(definition));
			}
		}
		if (columns.isEmpty()) {
			return List.of();
		}
		boolean wholeFile = true;
		try (CsvFiles.Rows rows = CsvFiles.open(file, charset, separator)) {
			if (rows.next() == null) {
				return List.of();
			}
			long read = 0;
			CsvFiles.Row row;
			while ((row = rows.next()) != null) {
				if (read++ == maxRows) {
					wholeFile = false;
					break;
				}
				List<String> values = row.values();
				for (var column : columns.entrySet()) {
					if (column.getKey() < values.size()) {
						column.getValue().count(CsvCells.unguard(values.get(column.getKey())).strip());
					}
				}
			}
		}
		catch (CsvFiles.MalformedCsvException ex) {
			// the values up to there are counted; the import reports the rest
			wholeFile = false;
		}
		List<UnknownChoices> unknown = new ArrayList<>();
		for (Counter counter : columns.values()) {
			if (!counter.counts.isEmpty()) {
				unknown.add(counter.result(wholeFile));
			}
		}
		return unknown;
	}

	/** The unknown values of one attribute, by their lower case, with the first spelling met. */
	private static final class Counter {

		private final AttributeDefinition definition;

		private final Map<String, UnknownChoices.ValueCount> counts = new LinkedHashMap<>();

		private long rows;

		Counter(AttributeDefinition definition) {
			this.definition = definition;
		}

		void count(String value) {
			if (value.isEmpty() || value.length() > ImportRowReader.MAX_LENGTH) {
				return;
			}
			String key = value.toLowerCase(Locale.ROOT);
			if (this.definition.choices().stream().anyMatch(choice -> choice.equalsIgnoreCase(value))) {
				return;
			}
			this.rows++;
			UnknownChoices.ValueCount count = this.counts.get(key);
			if (count != null) {
				this.counts.put(key, new UnknownChoices.ValueCount(count.value(), count.rows() + 1));
			}
			else if (this.counts.size() < MOST_DISTINCT) {
				this.counts.put(key, new UnknownChoices.ValueCount(value, 1));
			}
		}

		UnknownChoices result(boolean wholeFile) {
			List<UnknownChoices.ValueCount> values = this.counts.values()
				.stream()
				.sorted(Comparator.comparingLong(UnknownChoices.ValueCount::rows).reversed()
					.thenComparing(UnknownChoices.ValueCount::value))
				.limit(UnknownChoices.SHOWN)
				.toList();
			return new UnknownChoices(this.definition, values, this.counts.size(), this.rows,
					wholeFile);
		}

	}

}

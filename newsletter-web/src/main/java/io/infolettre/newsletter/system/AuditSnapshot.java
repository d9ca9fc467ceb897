package io.infolettre.newsletter.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a target looked like at one moment, flattened to text fields ({@code fr.subject},
 * {@code attributes.sector}, {@code blocks.2.text}) so that two snapshots compare field by field.
 *
 * @param label what a person recognises it by (a title, an address, a name)
 */
public record AuditSnapshot(String label, Map<String, String> fields) {

	public AuditSnapshot {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public static Builder of(String label) {
		return new Builder(label);
	}

	/** Fields added one by one, in the order a person reads them. */
	public static final class Builder {

		private final String label;

		private final Map<String, String> fields = new LinkedHashMap<>();

		private Builder(String label) {
			this.label = label;
		}

		/**
		 * A field; a collection becomes its sorted values joined by commas, a map one field per key
		 * under this name, an instant its ISO form to the second, anything else its text.
		 */
		public Builder put(String field, Object value) {
			if (value instanceof Map<?, ?> map) {
				map.forEach((key, nested) -> put(field + "." + key, nested));
			}
			else {
				this.fields.put(field, text(value));
			}
			return this;
		}

		public AuditSnapshot build() {
			return new AuditSnapshot(this.label, this.fields);
		}

		private static String text(Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof Collection<?> values) {
				return values.isEmpty() ? null
						: values.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
			}
			if (value instanceof Instant instant) {
				return instant.truncatedTo(ChronoUnit.SECONDS).toString();
			}
			if (value instanceof Enum<?> constant) {
				return constant.name();
			}
			String text = value.toString();
			return text.isEmpty() ? null : text;
		}

	}

}

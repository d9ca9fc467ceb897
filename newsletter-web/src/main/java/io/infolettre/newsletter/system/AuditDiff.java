package io.infolettre.newsletter.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.infolettre.newsletter.audit.FieldChange;

/**
 * The fields that differ between two snapshots, with their values before and after. A field whose
 * name says it holds a secret is never kept, whatever a snapshot source put in it; a long value
 * (a template's source) is cut, the log is not an archive.
 */
final class AuditDiff {

	static final int MAX_VALUE = 2_000;

	private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|hash|recovery).*");

	private AuditDiff() {
	}

	static List<FieldChange> between(Map<String, String> before, Map<String, String> after) {
		Set<String> fields = new LinkedHashSet<>(before.keySet());
		fields.addAll(after.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			String was = before.get(field);
			String is = after.get(field);
			if (!Objects.equals(was, is) && !SECRET.matcher(field).matches()) {
				changes.add(new FieldChange(field, cut(was), cut(is)));
			}
		}
		return changes;
	}

	/** The fields a change touched, without their values (an erased subscriber's). */
	static List<FieldChange> withoutValues(List<FieldChange> changes) {
		return changes.stream().map(change -> new FieldChange(change.field(), null, null)).toList();
	}

	private static String cut(String value) {
		return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
	}

}

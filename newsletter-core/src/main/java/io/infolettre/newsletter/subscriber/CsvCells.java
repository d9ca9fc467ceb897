package io.infolettre.newsletter.subscriber;

import java.util.ArrayList;
import java.util.List;

/**
 * The guard of CSV cells against spreadsheet formulas, both ways. A cell that a spreadsheet would
 * run as a formula (it starts with {@code = + - @}, a tab or a carriage return) is written with an
 * apostrophe before it, as OWASP advises; an import takes that apostrophe off again, so that an
 * export imports back exactly as it was. A cell that starts with an apostrophe before such a
 * character gets one more, so that no value is ever changed by the round trip.
 */
public final class CsvCells {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvCells() {
	}

	/** The cell as written to a CSV file. */
	public static String guard(String value) {
		return value != null && guarded(value) ? "'" + value : value;
	}

	/** The cell as it was before {@link #guard}. */
	public static String unguard(String cell) {
		return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && guarded(cell.substring(1))
				? cell.substring(1) : cell;
	}

	/** The cells of a row with their guard taken off; the same list when none had one. */
	public static List<String> unguard(List<String> cells) {
		List<String> unguarded = null;
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			String value = unguard(cell);
			if (value != cell && unguarded == null) {
				unguarded = new ArrayList<>(cells);
			}
			if (unguarded != null) {
				unguarded.set(i, value);
			}
		}
		return unguarded == null ? cells : unguarded;
	}

	private static boolean guarded(String value) {
		int start = 0;
		while (start < value.length() && value.charAt(start) == '\'') {
			start++;
		}
		return start < value.length() && FORMULA_STARTS.indexOf(value.charAt(start)) >= 0;
	}

}

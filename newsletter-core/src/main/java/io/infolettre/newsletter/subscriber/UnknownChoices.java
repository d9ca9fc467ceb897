package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * The values a file gives a choice attribute that are not in its list, for the mapping step: the
 * coordinator adds them to the list (the default) or imports the rows without them.
 *
 * @param values the most frequent ones first, at most {@link #SHOWN}
 * @param distinct how many different values there are (counting stops at a thousand)
 * @param rows how many rows have one
 * @param wholeFile whether the whole file was read; otherwise only its first rows
 */
public record UnknownChoices(AttributeDefinition attribute, List<ValueCount> values, int distinct, long rows,
		boolean wholeFile) {

	public static final int SHOWN = 30;

	public UnknownChoices {
		values = List.copyOf(values);
	}

	/** One value and the rows that have it. */
	public record ValueCount(String value, long rows) {
	}

}

package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * A row an import took without some of its values, and why (a choice the coordinator chose not to
 * add to an attribute's list, for one).
 *
 * @param line the physical line of the file where the row starts
 * @param warnings in French, one per value left out
 */
public record WarnedRow(long line, List<String> warnings) {

	public WarnedRow {
		warnings = List.copyOf(warnings);
	}

	public String warning() {
		return String.join(" ; ", this.warnings);
	}

}

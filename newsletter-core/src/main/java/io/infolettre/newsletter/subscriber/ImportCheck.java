package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * One of the first rows of a file as the import will take it, for the preview.
 *
 * @param line the physical line it starts on
 * @param values its cells
 * @param problems why the import would refuse it, every one; empty when it would import (the checks
 * that need the database, such as an address that unsubscribed, are left to the import)
 * @param warnings what it would import without, and why
 */
public record ImportCheck(long line, List<String> values, List<String> problems, List<String> warnings) {

	public ImportCheck {
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
	}

	/** The problems in one text; null when the row would import. */
	public String problem() {
		return this.problems.isEmpty() ? null : String.join(" ; ", this.problems);
	}

}

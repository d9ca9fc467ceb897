package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * A row an import refused, with every problem it has.
 *
 * @param line the physical line of the file where the row starts (a quoted field may span lines)
 * @param reasons why, in French, one per problem
 * @param original the row as it was read
 */
public record RejectedRow(long line, List<String> reasons, String original) {

	public RejectedRow {
		reasons = List.copyOf(reasons);
	}

	/** The reasons in one text, as the refused rows' CSV gives them. */
	public String reason() {
		return String.join(" ; ", this.reasons);
	}

}

package io.infolettre.newsletter.subscriber;

/**
 * The kinds of reason an import refuses a row for, counted per import so that its page sums up
 * millions of refusals in a few lines (a row with several problems counts under each).
 */
public enum RefusalReason {

	/** The rest of the file cannot be read as CSV (a quote left open at the end, for one). */
	UNREADABLE_FILE,

	BLANK_LINE,

	/** More or fewer cells than the header: most often the wrong separator. */
	COLUMN_COUNT,

	/** U+FFFD: the file is not in the encoding it is read in. */
	UNREADABLE_CHARACTERS,

	VALUE_TOO_LONG,

	CONTROL_CHARACTER,

	EMAIL_MISSING,

	EMAIL_INVALID,

	DUPLICATE_IN_FILE,

	LANGUAGE_UNKNOWN,

	CONSENT_MISSING,

	CONSENT_TYPE_UNKNOWN,

	CONSENT_DATE_INVALID,

	CONSENT_DATE_FUTURE,

	CONSENT_LAPSED,

	/** A number, date or yes/no attribute that is not one. */
	ATTRIBUTE_INVALID,

	UNSUBSCRIBED,

	COMPLAINED;

	/**
	 * Whether the row's own text caused it, as a wrong separator, encoding or mapping does: the
	 * refusals that stop an import made of almost nothing else. A duplicate, or an address that
	 * unsubscribed, says nothing about how the file is read.
	 */
	public boolean isFormat() {
		return this != DUPLICATE_IN_FILE && this != UNSUBSCRIBED && this != COMPLAINED;
	}

}

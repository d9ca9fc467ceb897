package io.infolettre.newsletter.api;

/**
 * An unsaved rule tree to count.
 * @param allStatuses count every status, for information (an audience takes only the receivable)
 */
record SegmentCountRequest(RuleNode rules, Boolean allStatuses) {

	boolean receivableOnly() {
		return !Boolean.TRUE.equals(this.allStatuses);
	}

}

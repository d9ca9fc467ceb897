package io.infolettre.newsletter.segment;

import java.util.List;

/**
 * The issues sent last, for the engagement rules ("opened one of the last N issues"). Implemented by
 * the issue module, which depends on this one (not the reverse).
 */
public interface RecentIssues {

	/** The ids of the last {@code count} issues sent, most recent first. */
	List<String> lastSent(int count);

}

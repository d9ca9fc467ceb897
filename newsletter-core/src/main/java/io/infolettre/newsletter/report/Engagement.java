package io.infolettre.newsletter.report;

import java.util.List;

/**
 * Engagement of each subscriber, known only in INDIVIDUAL tracking mode (in the other modes no open
 * is tied to anybody: both lists are empty).
 */
public interface Engagement {

	/** Whether opens and clicks are tied to subscribers (INDIVIDUAL tracking mode). */
	boolean available();

	/** The issues sent to this subscriber, newest first. */
	List<EngagementRow> history(String subscriberId);

	/**
	 * The active subscribers who received each of the last {@code issues} sent issues (those the relay
	 * accepted) and neither read nor clicked any of them: whom to win back, or to stop writing to.
	 * Ordered by address. Another module (segments) may use it as an audience.
	 */
	List<InactiveSubscriber> inactiveFor(int issues);

}

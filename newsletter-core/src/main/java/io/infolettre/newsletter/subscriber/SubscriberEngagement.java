package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.Collection;

/**
 * Where the open recorder reports a batch of first opens, so that segments can select subscribers by
 * engagement ("opened one of the last N issues"). {@link SubscriberManagement} is the implementation.
 */
@FunctionalInterface
public interface SubscriberEngagement {

	/**
	 * @param issueId the issue opened
	 * @param subscriberIds those who opened it for the first time in this batch
	 * @param lastOpenAt the latest open of the batch
	 */
	void recordOpens(String issueId, Collection<String> subscriberIds, Instant lastOpenAt);

}

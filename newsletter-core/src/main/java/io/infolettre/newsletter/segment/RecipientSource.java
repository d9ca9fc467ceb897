package io.infolettre.newsletter.segment;

import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.subscriber.Subscriber;

/** Evaluates an audience against the subscribers, streaming their ids in id order. */
public interface RecipientSource {

	long count(Audience audience);

	/**
	 * Streams the ids of the audience's members, in id order, in batches of at most
	 * {@code batchSize}: memory stays flat whatever the size of the audience.
	 */
	void forEachBatch(Audience audience, int batchSize, Consumer<List<String>> batch);

	/** Whether this subscriber may still receive mail now (status and consent checked at send time). */
	boolean mayReceive(Subscriber subscriber);

}

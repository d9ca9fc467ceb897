package io.infolettre.newsletter.segment;

import java.util.function.Consumer;

import io.infolettre.newsletter.subscriber.Subscriber;

/**
 * Everyone an audience names, whatever their status and consent — what an export shows, where
 * {@link RecipientSource} gives only those a send may reach. Streams through one cursor in id order,
 * so memory stays flat whatever the size of the audience.
 */
public interface AudienceMembers {

	void forEach(Audience audience, Consumer<Subscriber> action);

	long count(Audience audience);

}

package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * One page of a search, in id order. {@code next} is the key to ask for the following page with
 * ({@code null} on the last one): pages are read by key, never by skipping, so the hundredth page
 * costs what the first does.
 */
public record SubscriberPage(List<Subscriber> subscribers, String next) {

	public SubscriberPage {
		subscribers = List.copyOf(subscribers);
	}

}

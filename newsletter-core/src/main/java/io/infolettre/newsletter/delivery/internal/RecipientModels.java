package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.subscriber.Subscriber;

/** What the templates see of a subscriber: one mapping, for sends and previews alike. */
public final class RecipientModels {

	private RecipientModels() {
	}

	public static RecipientModel of(Subscriber subscriber, RecipientLinks links) {
		return new RecipientModel(subscriber.getEmail().value(), subscriber.getFirstName(), subscriber.getLastName(),
				subscriber.getCompany(), subscriber.getLanguage(), subscriber.getAttributes(), links);
	}

}

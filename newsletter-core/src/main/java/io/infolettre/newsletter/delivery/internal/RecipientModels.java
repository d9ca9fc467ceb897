package io.infolettre.newsletter.delivery.internal;

import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.subscriber.Subscriber;

/** What the templates see of a subscriber: one mapping, for sends and previews alike. */
public final class RecipientModels {

	private RecipientModels() {
	}

	public static RecipientModel of(Subscriber subscriber, String unsubscribeUrl, String trackingPixelUrl) {
		return new RecipientModel(subscriber.getEmail().value(), subscriber.getFirstName(), subscriber.getLastName(),
				subscriber.getCompany(), subscriber.getLanguage(), subscriber.getAttributes(), unsubscribeUrl,
				trackingPixelUrl);
	}

}

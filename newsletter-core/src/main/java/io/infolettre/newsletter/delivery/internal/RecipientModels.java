package io.infolettre.newsletter.delivery.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.subscriber.Subscriber;

/** What the templates see of a subscriber: one mapping, for sends and previews alike. */
public final class RecipientModels {

	private RecipientModels() {
	}

	public static RecipientModel of(Subscriber subscriber, RecipientLinks links) {
		return new RecipientModel(subscriber.getEmail().value(), subscriber.getFirstName(), subscriber.getLastName(),
				subscriber.getCompany(), subscriber.getLanguage(), asText(subscriber.getAttributes()), links);
	}

	/** Templates print attributes: numbers, booleans and ISO dates as their text. */
	private static Map<String, String> asText(Map<String, Object> attributes) {
		Map<String, String> text = new LinkedHashMap<>();
		attributes.forEach((name, value) -> text.put(name, String.valueOf(value)));
		return text;
	}

}

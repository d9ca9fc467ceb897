package io.infolettre.newsletter.composition;

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

	/** The renderer's stand-in member, reading in {@code language}. */
	public static RecipientModel sample(String language) {
		var sample = RecipientModel.sample();
		return new RecipientModel(sample.email(), sample.firstName(), sample.lastName(), sample.company(), language,
				sample.attributes(), sample.links());
	}

	/**
	 * Nobody: the public archive's reader. No name (templates fall back to « membre »), no company, no
	 * address, and links that lead back to the archive instead of anyone's unsubscribe page.
	 */
	public static RecipientModel anonymous(String language, String archiveUrl) {
		return new RecipientModel("", null, null, null, language, null,
				new RecipientLinks(archiveUrl, archiveUrl, null, false, false, null));
	}

}

package io.infolettre.newsletter.rendering;

import java.util.Map;

/**
 * What a template may know of one recipient, and the ready-made links it shows. Templates never
 * build URLs themselves. {@code trackingPixelUrl} is null when the recipient is not tracked.
 */
public record RecipientModel(String email, String firstName, String lastName, String company, String language,
		Map<String, String> attributes, String unsubscribeUrl, String trackingPixelUrl) {

	public RecipientModel {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	/** A stand-in recipient for previews and validation. */
	public static RecipientModel sample() {
		return new RecipientModel("marie.tremblay@exemple.ca", "Marie", "Tremblay", "Aluminerie du Fjord inc.", "fr",
				Map.of("secteur", "Fabrication et transformation", "territoire", "Saguenay"),
				"https://exemple.invalid/u/apercu", null);
	}

}

package io.infolettre.newsletter.rendering;

import java.util.Map;

/**
 * What a template may know of one recipient, and the ready-made links it shows. Templates never
 * build URLs themselves.
 */
public record RecipientModel(String email, String firstName, String lastName, String company, String language,
		Map<String, String> attributes, RecipientLinks links) {

	public RecipientModel {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	/** A stand-in recipient for previews and validation. */
	public static RecipientModel sample() {
		return sample("fr");
	}

	/** A stand-in recipient who reads the given language ({@code fr} or {@code en}). */
	public static RecipientModel sample(String language) {
		return new RecipientModel("marie.tremblay@exemple.ca", "Marie", "Tremblay", "Aluminerie du Fjord inc.",
				language == null ? "fr" : language,
				Map.of("secteur", "Fabrication et transformation", "territoire", "Saguenay"),
				RecipientLinks.untracked("https://exemple.invalid/u/apercu", "https://exemple.invalid/p/apercu"));
	}

	/** The same recipient with other links (a tracked variant checks the tracking branches of a template). */
	public RecipientModel withLinks(RecipientLinks other) {
		return new RecipientModel(this.email, this.firstName, this.lastName, this.company, this.language,
				this.attributes, other);
	}

}

package io.infolettre.newsletter.subscriber;

/** Thrown when text that should be an e-mail address is not one. */
public class InvalidEmailAddressException extends IllegalArgumentException {

	public InvalidEmailAddressException(String input) {
		super("Adresse courriel invalide : « " + (input == null ? "" : input.replaceAll("[\\r\\n]", " ")) + " »");
	}

}

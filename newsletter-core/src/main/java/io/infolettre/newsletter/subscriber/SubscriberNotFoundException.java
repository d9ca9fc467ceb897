package io.infolettre.newsletter.subscriber;

/** No subscriber (or member company) has this id: never was, or was erased. */
public class SubscriberNotFoundException extends RuntimeException {

	public SubscriberNotFoundException(String id) {
		super("Introuvable : " + id);
	}

}

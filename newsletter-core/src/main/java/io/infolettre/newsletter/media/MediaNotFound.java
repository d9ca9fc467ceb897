package io.infolettre.newsletter.media;

/** No image of the library has this identifier. */
public class MediaNotFound extends RuntimeException {

	public MediaNotFound(String id) {
		super("Aucune image n’a l’identifiant « " + id + " ».");
	}

}

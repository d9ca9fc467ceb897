package io.infolettre.newsletter.series;

public class SeriesNotFoundException extends RuntimeException {

	public SeriesNotFoundException(String id) {
		super("Série introuvable : " + id);
	}

}

package io.infolettre.newsletter.segment;

/** No segment has this id (deleted, or never saved). */
public class SegmentNotFoundException extends RuntimeException {

	public SegmentNotFoundException(String id) {
		super("Segment introuvable : " + id);
	}

}

package io.infolettre.newsletter.media;

import java.util.List;

/**
 * Implemented by the modules whose documents reference images (issues, saved blocks): the library
 * asks every bean of this type before it deletes an image, and shows the answers beside it. It
 * depends on none of them.
 */
public interface MediaReferences {

	/** What of this module uses the image; empty when nothing does. */
	List<MediaUse> usesOf(String mediaId);

}

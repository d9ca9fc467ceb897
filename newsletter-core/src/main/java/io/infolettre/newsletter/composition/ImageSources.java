package io.infolettre.newsletter.composition;

import java.util.Collection;
import java.util.Map;

import io.infolettre.newsletter.rendering.BlockImage;

/**
 * Where the images of an issue's blocks come from: the media library, asked once when an issue is
 * compiled (rendering knows no library; it is given the images it shows).
 */
public interface ImageSources {

	/**
	 * @return the email variant of each image the library has, by media id; an id it does not have
	 * (deleted) is left out, and renders no image
	 */
	Map<String, BlockImage> find(Collection<String> mediaIds);

}

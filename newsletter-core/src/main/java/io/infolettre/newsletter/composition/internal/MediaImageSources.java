package io.infolettre.newsletter.composition.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.infolettre.newsletter.composition.ImageSources;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaVariant;
import io.infolettre.newsletter.rendering.BlockImage;

import org.springframework.stereotype.Component;

/**
 * The images of the blocks, from the media library: the 600 px variant an email shows, its 1,200 px
 * twin for high-density screens, and the first's size for the weight of the issue.
 */
@Component
class MediaImageSources implements ImageSources {

	private final MediaLibrary library;

	MediaImageSources(MediaLibrary library) {
		this.library = library;
	}

	@Override
	public Map<String, BlockImage> find(Collection<String> mediaIds) {
		var found = new LinkedHashMap<String, BlockImage>();
		for (String id : mediaIds) {
			this.library.find(id).ifPresent(file -> found.put(id, image(file)));
		}
		return found;
	}

	static BlockImage image(MediaFile file) {
		MediaVariant email = file.emailVariant();
		return new BlockImage(email.url(), email.width(), email.height(), file.retinaVariant().url(), email.bytes());
	}

}

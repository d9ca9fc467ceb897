package io.infolettre.newsletter.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.infolettre.newsletter.media.MediaReferences;
import io.infolettre.newsletter.media.MediaUse;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Uses of images that a test declares, beside those the application's modules report: the media
 * library asks every {@link MediaReferences} bean, this one included, so a test can make an image
 * "used" without building the issue that would use it. Registered in every test application by
 * the test resources' auto-configuration list; empty unless a test says otherwise.
 */
public final class TestMediaUses implements MediaReferences {

	private final Map<String, List<MediaUse>> uses = new ConcurrentHashMap<>();

	/** From now on the image is used by these. */
	public void use(String mediaId, MediaUse... uses) {
		this.uses.put(mediaId, List.of(uses));
	}

	public void forget(String mediaId) {
		this.uses.remove(mediaId);
	}

	@Override
	public List<MediaUse> usesOf(String mediaId) {
		return this.uses.getOrDefault(mediaId, List.of());
	}

	@AutoConfiguration
	static class Registration {

		@Bean
		TestMediaUses testMediaUses() {
			return new TestMediaUses();
		}

	}

}

package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.media.MediaVariant;

/**
 * An image of the media library as the API shows it: its full-size file and its variants (width,
 * height, public address, bytes), and, for one image asked by its id, where it is used.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MediaResource(String id, String name, String url, int width, int height, String contentType, long bytes,
		Instant uploadedAt, List<Variant> variants, List<Use> uses) {

	record Variant(int width, int height, String url, long bytes) {

		static Variant of(MediaVariant variant) {
			return new Variant(variant.width(), variant.height(), variant.url(), variant.bytes());
		}

	}

	/** Something that uses the image: {@code kind} is {@code issue} or {@code savedBlock}. */
	record Use(String kind, String id, String title) {

		static Use of(MediaUse use) {
			return new Use(use.kind(), use.id(), use.title());
		}

	}

	static MediaResource of(MediaFile image) {
		return of(image, null);
	}

	static MediaResource of(MediaFile image, List<MediaUse> uses) {
		return new MediaResource(image.id(), image.name(), image.url(), image.width(), image.height(),
				image.contentType(), image.bytes(), image.uploadedAt(),
				image.variants().stream().map(Variant::of).toList(),
				uses == null ? null : uses.stream().map(Use::of).toList());
	}

}

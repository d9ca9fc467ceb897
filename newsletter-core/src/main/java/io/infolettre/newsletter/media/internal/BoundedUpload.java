package io.infolettre.newsletter.media.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaSettings;

/**
 * Reads an upload into memory up to the size limit: one byte more says it is too large, and nothing
 * past it is ever read. A size announced beyond the limit is refused before the first byte.
 */
final class BoundedUpload {

	private BoundedUpload() {
	}

	static byte[] read(InputStream content, long declaredSize, MediaSettings settings) {
		long limit = settings.maxUploadSize().toBytes();
		if (declaredSize > limit) {
			throw tooLarge(settings);
		}
		var buffer = new ByteArrayOutputStream((int) Math.min(declaredSize > 0 ? declaredSize : 64 * 1024, limit));
		byte[] chunk = new byte[64 * 1024];
		long read = 0;
		try {
			while (true) {
				int wanted = (int) Math.min(chunk.length, limit + 1 - read);
				int n = content.read(chunk, 0, wanted);
				if (n < 0) {
					break;
				}
				read += n;
				if (read > limit) {
					throw tooLarge(settings);
				}
				buffer.write(chunk, 0, n);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The upload could not be read", ex);
		}
		return buffer.toByteArray();
	}

	static MediaRejected tooLarge(MediaSettings settings) {
		return MediaRejected.tooLarge("L’image dépasse la taille maximale de " + settings.maxUploadSizeInWords()
				+ " : réduisez-la (une infolettre n’en montre pas plus de "
				+ String.format(java.util.Locale.CANADA_FRENCH, "%,d", settings.maxWidth()) + " pixels de large) et réessayez.");
	}

}

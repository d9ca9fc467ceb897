package io.infolettre.newsletter.recipient;

import java.time.Duration;

import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.ServedMedia;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The media library's public files, as the mail clients of the messages load them:
 * {@code /media/{key}/{file}}, the key 128 random bits. A file never changes once stored (a new
 * upload gets a new key), so it is cached for a year by anyone ({@code immutable}: no revalidation
 * on reload), with its SHA-256 as its strong ETag for the caches that ask again (304). Its type is
 * the one the library wrote it in, never sniffed ({@code nosniff}), and no page can be made of it
 * ({@code default-src 'none'}): the library keeps only PNG, JPEG and GIF it encoded itself, never
 * HTML or SVG. An unknown key and an unknown file of a known key get the same empty 404.
 */
@RestController
class MediaController {

	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final String POLICY = "default-src 'none'";

	private final MediaLibrary library;

	MediaController(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/media/{key}/{file}")
	ResponseEntity<byte[]> file(@PathVariable String key, @PathVariable String file) {
		return this.library.served(key, file).map(MediaController::found).orElseGet(MediaController::notFound);
	}

	// Spring answers 304 itself when the request's If-None-Match names this ETag
	private static ResponseEntity<byte[]> found(ServedMedia media) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(media.contentType()))
			.cacheControl(FOREVER)
			.eTag("\"" + media.sha256() + "\"")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", POLICY)
			// loaded by webmail pages of any origin
			.header("Cross-Origin-Resource-Policy", "cross-origin")
			.body(media.bytes());
	}

	private static ResponseEntity<byte[]> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", POLICY)
			.build();
	}

}

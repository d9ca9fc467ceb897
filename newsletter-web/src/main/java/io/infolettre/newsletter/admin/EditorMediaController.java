package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaVariant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library as the block editor reaches it from the browser: list and search, one image,
 * upload. The same answers as {@code /api/v1/media}, under the admin's session and CSRF token: the
 * REST API takes no session (a page of another site must not reach it through a logged-in browser).
 */
@RestController
@RequestMapping("/admin/editor/media")
class EditorMediaController {

	private final MediaLibrary library;

	EditorMediaController(MediaLibrary library) {
		this.library = library;
	}

	/** The latest images first; {@code q}: words of their names. */
	@GetMapping
	List<EditorMedia> list(@RequestParam(defaultValue = "") String q) {
		return this.library.list(q).stream().map(EditorMedia::of).toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<EditorMedia> get(@PathVariable String id) {
		return ResponseEntity.of(this.library.find(id).map(EditorMedia::of));
	}

	/** An image dropped on a card or picked as a file: checked, cleaned of its metadata, resized (201). */
	@PostMapping
	ResponseEntity<EditorMedia> upload(@RequestParam MultipartFile file, @RequestParam(required = false) String name)
			throws IOException {
		String named = name == null || name.isBlank() ? file.getOriginalFilename() : name;
		try (InputStream content = file.getInputStream()) {
			MediaFile uploaded = this.library.upload(named, content, file.getSize());
			return ResponseEntity.status(HttpStatus.CREATED).body(EditorMedia.of(uploaded));
		}
	}

	@ExceptionHandler(MediaRejected.class)
	ProblemDetail rejected(MediaRejected ex) {
		var status = ex.isTooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
		var problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("Image refusée");
		return problem;
	}

	/** An image as the editor shows it: a thumbnail, its name and size, the address of each file. */
	record EditorMedia(String id, String name, String url, int width, int height, String contentType, long bytes,
			List<Map<String, Object>> variants) {

		static EditorMedia of(MediaFile media) {
			return new EditorMedia(media.id(), media.name(), media.url(), media.width(), media.height(),
					media.contentType(), media.bytes(), media.variants().stream().map(EditorMedia::variant).toList());
		}

		private static Map<String, Object> variant(MediaVariant variant) {
			return Map.of("width", variant.width(), "height", variant.height(), "url", variant.url(), "bytes",
					variant.bytes());
		}

	}

}

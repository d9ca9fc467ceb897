package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.RequiresPermission;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One image of the media library as JSON, for an image block the editor opens (its thumbnail, name
 * and size). Listing and uploading go through the Médiathèque's own endpoints
 * ({@code /admin/media/images}, {@code /admin/media/upload}); all of them under the admin's session
 * and CSRF token, since the REST API takes no session.
 */
@RestController
@RequestMapping("/admin/editor/media")
@RequiresPermission(Permission.ISSUES_READ)
class EditorMediaController {

	private final MediaLibrary library;

	EditorMediaController(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/{id}")
	ResponseEntity<MediaFile> get(@PathVariable String id) {
		return ResponseEntity.of(this.library.find(id));
	}

}

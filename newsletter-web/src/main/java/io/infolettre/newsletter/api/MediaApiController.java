package io.infolettre.newsletter.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaInUse;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaNotFound;
import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library: upload an image (multipart, checked from its bytes, cleaned of its metadata,
 * resized for email), list and search, read one with its uses, delete an unused one. The upload
 * waits in a temporary file while the request is parsed; the library reads it only up to its limit
 * (see {@link MediaUploadLimit} for a body announced larger, refused before it is read).
 */
@RestController
@RequestMapping("/api/v1/media")
@RequiresPermission(Permission.ISSUES_READ)
class MediaApiController {

	private final MediaLibrary library;

	MediaApiController(MediaLibrary library) {
		this.library = library;
	}

	@Operation(summary = "Téléverser une image / Upload an image",
			description = "PNG, JPEG, GIF (animé compris) ou WebP, au plus `newsletter.media.max-upload-size` (10 Mo). "
					+ "Le type est lu dans le contenu, jamais dans le nom ; les métadonnées (EXIF, GPS, XMP) sont retirées ; "
					+ "des variantes de 600 et 1 200 px de large sont faites quand l’image est plus large. "
					+ "PNG, JPEG, GIF (animated kept) or WebP; metadata removed; 600 and 1,200 px wide variants.")
	@ApiResponse(responseCode = "201", description = "L’image et ses variantes / the image and its variants")
	@ApiResponse(responseCode = "400", description = "Pas une image acceptée, ou endommagée / not an accepted image, or damaged")
	@ApiResponse(responseCode = "413", description = "Fichier trop volumineux / file too large")
	@Audited(kind = AuditKind.MEDIA, action = "media.upload")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RequiresPermission(Permission.ISSUES_EDIT)
	ResponseEntity<MediaResource> upload(@RequestPart("file") MultipartFile file,
			@Parameter(description = "Nom de l’image (celui du fichier par défaut) / the image's name")
			@RequestParam(name = "name", required = false) String name) throws IOException {
		MediaFile image;
		try (InputStream content = file.getInputStream()) {
			image = this.library.upload(name == null || name.isBlank() ? file.getOriginalFilename() : name, content,
					file.getSize());
		}
		return ResponseEntity.created(URI.create("/api/v1/media/" + image.id())).body(MediaResource.of(image));
	}

	@Operation(summary = "Lister les images / List the images",
			description = "Les plus récentes d’abord, au plus 500 ; `q` cherche dans les noms, sans égard à la casse ni aux accents. "
					+ "Newest first, at most 500; `q` searches the names, whatever the case and accents.")
	@GetMapping
	List<MediaResource> list(@RequestParam(name = "q", required = false) String search) {
		return this.library.list(search).stream().map(MediaResource::of).toList();
	}

	@Operation(summary = "Une image et ses usages / One image and where it is used")
	@ApiResponse(responseCode = "404", description = "Image introuvable / no such image")
	@GetMapping("/{id}")
	MediaResource get(@PathVariable String id) {
		MediaFile image = this.library.find(id).orElseThrow(() -> new MediaNotFound(id));
		return MediaResource.of(image, this.library.usesOf(id));
	}

	@Operation(summary = "Supprimer une image inutilisée / Delete an unused image",
			description = "Ses fichiers publics cessent d’être servis. Refusé (409, avec `uses`) tant qu’un numéro ou un bloc "
					+ "enregistré l’utilise. Its public files stop being served; refused (409, with `uses`) while used.")
	@ApiResponse(responseCode = "204", description = "Supprimée / deleted")
	@ApiResponse(responseCode = "404", description = "Image introuvable / no such image")
	@ApiResponse(responseCode = "409", description = "Image utilisée / image in use")
	@Audited(kind = AuditKind.MEDIA, action = "media.delete")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.ISSUES_EDIT)
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.library.delete(id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(MediaRejected.class)
	ProblemDetail rejected(MediaRejected ex) {
		HttpStatus status = ex.isTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		var problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("Image refusée");
		return problem;
	}

	@ExceptionHandler(MediaInUse.class)
	ProblemDetail inUse(MediaInUse ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Image utilisée");
		problem.setProperty("uses", ex.uses().stream().map(MediaResource.Use::of).toList());
		return problem;
	}

	@ExceptionHandler(MediaNotFound.class)
	ProblemDetail notFound(MediaNotFound ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Image introuvable");
		return problem;
	}

}

package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaInUse;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaNotFound;
import io.infolettre.newsletter.media.MediaRejected;
import io.infolettre.newsletter.media.MediaSettings;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The media library page (« Médiathèque »): the images as a grid with their size and where each is
 * used, a search by name, the upload of new ones (a form, or dropped on the page by
 * {@code media-library.js}), and the deletion of an unused one. The page's script, and the issue
 * editor's image picker, use two JSON addresses beside it (the API takes HTTP Basic only; these take
 * the admin's session and its CSRF token): {@code GET /admin/media/images?q=} lists the images, and
 * {@code POST /admin/media/upload} (multipart {@code file}, optional {@code name}) answers 201 with
 * the image or a problem detail with the reason.
 */
@Controller
@RequestMapping("/admin/media")
@RequiresPermission(Permission.ISSUES_READ)
class MediaAdminController {

	private final MediaLibrary library;

	private final MediaSettings settings;

	MediaAdminController(MediaLibrary library, MediaSettings settings) {
		this.library = library;
		this.settings = settings;
	}

	@GetMapping
	String page(@RequestParam(name = "q", required = false) String search, Model model, Locale locale) {
		List<MediaCard> cards = this.library.list(search)
			.stream()
			.map(image -> MediaCard.of(image, this.library.usesOf(image.id()), locale))
			.toList();
		model.addAttribute("cards", cards);
		model.addAttribute("search", search == null ? "" : search);
		model.addAttribute("maxSize", MediaCard.weight(this.settings.maxUploadSize().toBytes(), locale));
		return "admin/media";
	}

	/** The images as JSON, for the page's script and the editor's image picker. */
	@GetMapping(path = "/images", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<MediaFile> list(@RequestParam(name = "q", required = false) String search) {
		return this.library.list(search);
	}

	/** An upload sent by a script: 201 with the image, or a problem detail with the reason. */
	@Audited(kind = AuditKind.MEDIA, action = "media.upload")
	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@RequiresPermission(Permission.ISSUES_EDIT)
	@ResponseBody
	ResponseEntity<?> uploadFromScript(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "name", required = false) String name) throws IOException {
		try {
			MediaFile image = upload(file, name);
			return ResponseEntity.created(URI.create("/admin/media/" + image.id())).body(image);
		}
		catch (MediaRejected ex) {
			var problem = ProblemDetail.forStatusAndDetail(
					ex.isTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, ex.getMessage());
			problem.setTitle("Image refusée");
			problem.setProperty("file", file.getOriginalFilename());
			return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	/** The same upload from the form, without script: back to the page, which says what happened. */
	@Audited(kind = AuditKind.MEDIA, action = "media.upload")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RequiresPermission(Permission.ISSUES_EDIT)
	String uploadFromForm(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "name", required = false) String name, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
			redirect.addFlashAttribute("problem", "Choisissez une image à téléverser.");
			return "redirect:/admin/media";
		}
		try {
			MediaFile image = upload(file, name);
			redirect.addFlashAttribute("uploaded", image.name());
		}
		catch (MediaRejected ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/media";
	}

	@Audited(kind = AuditKind.MEDIA, action = "media.delete")
	@PostMapping("/{id}/delete")
	@RequiresPermission(Permission.ISSUES_EDIT)
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		try {
			String name = this.library.find(id).map(MediaFile::name).orElseThrow(() -> new MediaNotFound(id));
			this.library.delete(id);
			redirect.addFlashAttribute("deleted", name);
		}
		catch (MediaInUse | MediaNotFound ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/media";
	}

	private MediaFile upload(MultipartFile file, String name) throws IOException {
		try (InputStream content = file.getInputStream()) {
			return this.library.upload(name == null || name.isBlank() ? file.getOriginalFilename() : name, content,
					file.getSize());
		}
	}

	/**
	 * An image as the page shows it: its thumbnail and full-size file by their path on this site (the
	 * public address may be another host name, which the admin's policy would not load), its weight in
	 * the reader's words, and its uses.
	 */
	record MediaCard(MediaFile image, String thumbnail, String full, String weight, List<MediaUse> uses) {

		static MediaCard of(MediaFile image, List<MediaUse> uses, Locale locale) {
			return new MediaCard(image, path(image.emailVariant().url()), path(image.url()), weight(image.bytes(), locale),
					uses);
		}

		public boolean isUsed() {
			return !this.uses.isEmpty();
		}

		private static String path(String url) {
			return URI.create(url).getRawPath();
		}

		static String weight(long bytes, Locale locale) {
			boolean french = !"en".equals(locale.getLanguage());
			NumberFormat number = NumberFormat.getNumberInstance(french ? Locale.CANADA_FRENCH : Locale.CANADA);
			number.setMaximumFractionDigits(1);
			if (bytes < 1024 * 1024) {
				number.setMaximumFractionDigits(0);
				return number.format(Math.max(1, Math.round(bytes / 1024.0))) + (french ? " Ko" : " KB");
			}
			return number.format(bytes / (1024.0 * 1024.0)) + (french ? " Mo" : " MB");
		}

	}

}

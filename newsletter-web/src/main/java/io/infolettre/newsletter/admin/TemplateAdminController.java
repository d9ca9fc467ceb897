package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.system.RequiresPermission;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;

import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateLibrary;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.rendering.TemplateRejected;
import io.infolettre.newsletter.rendering.TemplateSummary;
import io.infolettre.newsletter.rendering.TemplateUpload;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The layouts: what exists and where it comes from, a preview of each for the sample member, and the
 * upload of a new one (or a new language of one), refused with its problems when it cannot render.
 */
@Controller
@RequestMapping("/admin/templates")
@RequiresPermission(Permission.TEMPLATES_EDIT)
class TemplateAdminController {

	private final TemplateLibrary library;

	TemplateAdminController(TemplateLibrary library) {
		this.library = library;
	}

	@GetMapping
	String list(@RequestParam(required = false) String preview, @RequestParam(defaultValue = "fr") String language,
			Model model) {
		List<TemplateSummary> templates = this.library.templates();
		model.addAttribute("templates", templates);
		String shown = preview != null ? preview
				: templates.stream().filter(TemplateSummary::usable).map(TemplateSummary::name).findFirst().orElse(null);
		model.addAttribute("preview", templates.stream().anyMatch(t -> t.name().equals(shown)) ? shown : null);
		model.addAttribute("previewLanguage", "en".equals(language) ? "en" : "fr");
		if (!model.containsAttribute("upload")) {
			model.addAttribute("upload", new UploadForm("", "fr"));
		}
		return "admin/templates";
	}

	@Audited(kind = AuditKind.TEMPLATE, action = "template.upload", target = "name")
	@PostMapping
	String upload(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "fr") String language,
			@RequestParam(required = false) MultipartFile html, @RequestParam(required = false) MultipartFile text,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			var saved = this.library.save(new TemplateUpload(name, language, read(html), read(text)));
			redirect.addFlashAttribute("saved", saved.name());
			return "redirect:/admin/templates?preview=" + saved.name() + "&language=" + language;
		}
		catch (TemplateRejected rejected) {
			model.addAttribute("problems", rejected.getProblems());
			model.addAttribute("upload", new UploadForm(name, language));
			return list(null, "fr", model);
		}
		catch (TooLargeFile ex) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			model.addAttribute("problems", List.of(new TemplateProblem(ex.getMessage(), 0, 0,
					"le fichier dépasse " + TemplateUpload.MAX_PART_BYTES / (1024 * 1024)
							+ " Mo : un gabarit est du balisage, ses images sont des liens",
					null)));
			model.addAttribute("upload", new UploadForm(name, language));
			return list(null, "fr", model);
		}
		catch (UnreadableFile ex) {
			model.addAttribute("problems",
					List.of(new TemplateProblem(ex.getMessage(), 0, 0, "le fichier n’est pas du texte UTF-8", null)));
			model.addAttribute("upload", new UploadForm(name, language));
			return list(null, "fr", model);
		}
	}

	/** The layout as a member would see it; the frame that shows it is sandboxed, this CSP adds no scripts. */
	@GetMapping(path = "/{name}/preview.html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> previewHtml(@PathVariable String name, @RequestParam(defaultValue = "fr") String language) {
		return preview(name, language, MediaType.TEXT_HTML, RenderedMessage::html);
	}

	@GetMapping(path = "/{name}/preview.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> previewText(@PathVariable String name, @RequestParam(defaultValue = "fr") String language) {
		return preview(name, language, MediaType.TEXT_PLAIN, RenderedMessage::text);
	}

	private ResponseEntity<String> preview(String name, String language, MediaType type,
			java.util.function.Function<RenderedMessage, String> part) {
		try {
			return ResponseEntity.ok()
				.contentType(new MediaType(type, StandardCharsets.UTF_8))
				.header("Content-Security-Policy", RenderedMessage.WEB_POLICY + "; sandbox")
				.body(part.apply(this.library.preview(name, language)));
		}
		catch (TemplateProblem ex) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(ex.getMessage());
		}
	}

	private static String read(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return "";
		}
		// the upload waits in a temporary file: refused by its size, it is never read into memory
		if (file.getSize() > TemplateUpload.MAX_PART_BYTES) {
			throw new TooLargeFile(file.getOriginalFilename());
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableFile(file.getOriginalFilename());
		}
		catch (IOException ex) {
			throw new UnreadableFile(file.getOriginalFilename());
		}
	}

	record UploadForm(String name, String language) {
	}

	private static final class TooLargeFile extends RuntimeException {

		TooLargeFile(String file) {
			super(file);
		}

	}

	private static final class UnreadableFile extends RuntimeException {

		UnreadableFile(String file) {
			super(file);
		}

	}

}

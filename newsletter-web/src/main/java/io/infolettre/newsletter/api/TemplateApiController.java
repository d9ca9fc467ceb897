package io.infolettre.newsletter.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.rendering.TemplateLibrary;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.rendering.TemplateRejected;
import io.infolettre.newsletter.rendering.TemplateSummary;
import io.infolettre.newsletter.rendering.TemplateUpload;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layouts: list them, upload one language of one. An upload that does not render is refused
 * with 422 and every problem, each with its file, line and column.
 */
@RestController
@RequestMapping("/api/v1/templates")
@RequiresPermission(Permission.TEMPLATES_EDIT)
class TemplateApiController {

	private final TemplateLibrary library;

	TemplateApiController(TemplateLibrary library) {
		this.library = library;
	}

	@GetMapping
	@RequiresPermission(Permission.ISSUES_READ)
	List<TemplateResource> list() {
		return this.library.templates().stream().map(TemplateResource::of).toList();
	}

	@Audited(kind = AuditKind.TEMPLATE, action = "template.upload")
	@PostMapping
	ResponseEntity<?> upload(@RequestBody TemplateUpload upload) {
		if (tooLarge(upload.html()) || tooLarge(upload.text())) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"Une partie du gabarit dépasse " + TemplateUpload.MAX_PART_BYTES / (1024 * 1024)
							+ " Mo : un gabarit est du balisage, ses images sont des liens.");
			problem.setTitle("Gabarit trop volumineux");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		TemplateSummary saved = this.library.save(upload);
		return ResponseEntity.created(URI.create("/api/v1/templates/" + saved.name())).body(TemplateResource.of(saved));
	}

	private static boolean tooLarge(String part) {
		return part != null && part.getBytes(StandardCharsets.UTF_8).length > TemplateUpload.MAX_PART_BYTES;
	}

	@ExceptionHandler(TemplateRejected.class)
	ProblemDetail rejected(TemplateRejected rejected) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, rejected.getMessage());
		problem.setTitle("Gabarit refusé");
		problem.setProperty("problems", rejected.getProblems().stream().map(ProblemResource::of).toList());
		return problem;
	}

	/** A layout as the API shows it; {@code origin} is UPLOADED, FOLDER or BUILT_IN. */
	record TemplateResource(String name, String origin, List<String> languages, boolean usable,
			List<ProblemResource> problems) {

		static TemplateResource of(TemplateSummary summary) {
			return new TemplateResource(summary.name(), summary.origin().name(), summary.languages(), summary.usable(),
					summary.problems().stream().map(ProblemResource::of).toList());
		}

	}

	/** Where a problem is: the file (or field), line and column (0 when it concerns the whole file). */
	record ProblemResource(String file, int line, int column, String detail) {

		static ProblemResource of(TemplateProblem problem) {
			return new ProblemResource(problem.getPart(), problem.getLine(), problem.getColumn(), problem.getDetail());
		}

	}

}

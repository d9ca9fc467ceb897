package io.infolettre.newsletter.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.RejectedRowsCsv;
import io.infolettre.newsletter.subscriber.SubscriberImportJob;
import io.infolettre.newsletter.subscriber.SubscriberImports;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.reconciliation.RejectedRowsCsv;
import io.infolettre.newsletter.subscriber.SubscriberImportJob;
import io.infolettre.newsletter.subscriber.SubscriberImports;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * CSV imports over the API: the file and its options in one multipart request, answered at once
 * with the job (202); the job's progress and counts; its refused rows as CSV.
 */
@RestController
@RequestMapping("/api/v1/imports")
@RequiresPermission(Permission.AUDIENCE_EDIT)
class ImportApiController {

	private final SubscriberImports imports;

	private final RejectedRowsCsv rejected;

	ImportApiController(SubscriberImports imports, RejectedRowsCsv rejected) {
		this.imports = imports;
		this.rejected = rejected;
	}

	@Audited(kind = AuditKind.IMPORT, action = "import.start")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportJobResource> start(@RequestPart("file") MultipartFile file,
			@RequestPart(name = "options", required = false) ImportRequest options) throws IOException {
		ImportRequest request = options == null ? ImportRequest.defaults() : options;
		String uploadId;
		try (InputStream content = file.getInputStream()) {
			uploadId = this.imports.receive(content);
		}
		String jobId;
		try {
			var preview = this.imports.preview(uploadId, request.charset(), request.separatorChar());
			String fileName = file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename();
			jobId = this.imports.start(uploadId, request.toOptions(fileName, preview.guessedMapping()));
		}
		catch (IllegalArgumentException | IOException ex) {
			// nobody will come back for a refused file: it is not left in the import folder
			this.imports.discard(uploadId);
			throw ex;
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/imports/" + jobId))
			.body(ImportJobResource.of(job(jobId)));
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.AUDIENCE_READ)
	ImportJobResource get(@PathVariable String id) {
		return ImportJobResource.of(job(id));
	}

	@GetMapping("/{id}/rejected.csv")
	void rejected(@PathVariable String id, HttpServletResponse response) throws IOException {
		this.rejected.respond(id, job(id).fileName(), response);
	}

	private SubscriberImportJob job(String id) {
		return this.imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Import refusé");
		return problem;
	}

}

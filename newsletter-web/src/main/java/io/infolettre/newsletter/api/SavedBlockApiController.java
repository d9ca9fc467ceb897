package io.infolettre.newsletter.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.SavedBlock;
import io.infolettre.newsletter.issue.SavedBlocks;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.rendering.BlockProblem;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The saved blocks (« Blocs enregistrés »): blocks kept under a name to be inserted in later issues.
 * A block is the JSON of docs/blocks.md; one refused is a 400 naming its field.
 */
@RestController
@RequestMapping("/api/v1/saved-blocks")
@RequiresPermission(Permission.ISSUES_READ)
class SavedBlockApiController {

	private final SavedBlocks saved;

	SavedBlockApiController(SavedBlocks saved) {
		this.saved = saved;
	}

	/** Every saved block, by name. */
	@GetMapping
	List<SavedBlockResource> list() {
		return this.saved.list().stream().map(SavedBlockResource::of).toList();
	}

	@GetMapping("/{id}")
	SavedBlockResource get(@PathVariable String id) {
		return this.saved.find(id).map(SavedBlockResource::of).orElseThrow(() -> notFound(id));
	}

	/** Keeps a block under a name (201). */
	@Audited(kind = AuditKind.SAVED_BLOCK, action = "savedBlock.save")
	@PostMapping
	@RequiresPermission(Permission.ISSUES_EDIT)
	ResponseEntity<SavedBlockResource> save(@RequestBody SavedBlockRequest request) {
		if (request.block() == null) {
			throw new IllegalArgumentException("Le bloc à enregistrer (« block ») manque.");
		}
		var block = Blocks.fromJson(List.of(request.block())).get(0);
		var saved = this.saved.save(request.name(), block);
		return ResponseEntity.created(URI.create("/api/v1/saved-blocks/" + saved.id()))
			.body(SavedBlockResource.of(saved));
	}

	/** Renames a saved block ({@code {"name": "…"}}). */
	@Audited(kind = AuditKind.SAVED_BLOCK, action = "savedBlock.rename")
	@PatchMapping("/{id}")
	@RequiresPermission(Permission.ISSUES_EDIT)
	SavedBlockResource rename(@PathVariable String id, @RequestBody SavedBlockRequest request) {
		return SavedBlockResource.of(this.saved.rename(id, request.name()));
	}

	/** Deletes a saved block (204); the issues it was inserted in keep their copy. */
	@Audited(kind = AuditKind.SAVED_BLOCK, action = "savedBlock.delete")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.ISSUES_EDIT)
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.saved.delete(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(NoSuchElementException.class)
	ProblemDetail notFound(NoSuchElementException ex) {
		return problem(HttpStatus.NOT_FOUND, "Bloc enregistré introuvable", ex.getMessage());
	}

	@ExceptionHandler(BlockProblem.class)
	ProblemDetail invalidBlock(BlockProblem ex) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Bloc invalide", ex.getMessage());
		problem.setProperty("field", ex.field());
		problem.setProperty("pointer", "/block" + (ex.field() == null ? "" : "/" + ex.field()));
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Requête invalide", ex.getMessage());
	}

	private static NoSuchElementException notFound(String id) {
		return new NoSuchElementException("Bloc enregistré introuvable : " + id);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** @param block one block, as in an issue's {@code blocks} */
	record SavedBlockRequest(String name, Map<String, Object> block) {
	}

	record SavedBlockResource(String id, String name, Map<String, Object> block, Instant createdAt,
			Instant updatedAt) {

		static SavedBlockResource of(SavedBlock saved) {
			return new SavedBlockResource(saved.id(), saved.name(), Blocks.toJson(saved.block()), saved.createdAt(),
					saved.updatedAt());
		}

	}

}

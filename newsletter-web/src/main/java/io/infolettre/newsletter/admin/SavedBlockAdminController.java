package io.infolettre.newsletter.admin;

import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.SavedBlock;
import io.infolettre.newsletter.issue.SavedBlocks;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.rendering.Blocks;
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
 * The saved blocks (« Blocs enregistrés ») as the block editor reaches them from the browser: the
 * list to insert one, and « Enregistrer ce bloc ». The same store as {@code /api/v1/saved-blocks},
 * under the admin's session and CSRF token.
 */
@RestController
@RequestMapping("/admin/editor/saved-blocks")
@RequiresPermission(Permission.ISSUES_EDIT)
class SavedBlockAdminController {

	private final SavedBlocks saved;

	SavedBlockAdminController(SavedBlocks saved) {
		this.saved = saved;
	}

	@GetMapping
	List<EditorSavedBlock> list() {
		return this.saved.list().stream().map(EditorSavedBlock::of).toList();
	}

	/** Keeps a copy of the block under its name (201); a refused block or name is a 400 saying why. */
	@Audited(kind = AuditKind.SAVED_BLOCK, action = "savedBlock.save")
	@PostMapping
	ResponseEntity<EditorSavedBlock> save(@RequestBody SaveRequest request) {
		if (request.block() == null) {
			throw new IllegalArgumentException("Le bloc à enregistrer manque.");
		}
		var block = Blocks.fromJson(List.of(request.block())).get(0);
		return ResponseEntity.status(HttpStatus.CREATED).body(EditorSavedBlock.of(this.saved.save(request.name(), block)));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail refused(IllegalArgumentException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bloc non enregistré");
		return problem;
	}

	record SaveRequest(String name, Map<String, Object> block) {
	}

	record EditorSavedBlock(String id, String name, Map<String, Object> block) {

		static EditorSavedBlock of(SavedBlock saved) {
			return new EditorSavedBlock(saved.id(), saved.name(), Blocks.toJson(saved.block()));
		}

	}

}

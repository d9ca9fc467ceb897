package io.infolettre.newsletter.api;

import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.issue.ApprovalMissingException;
import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.ReviewRefusedException;
import io.infolettre.newsletter.rendering.BlockProblem;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.series.SeriesNotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as RFC 9457 problem details, with the reason the coordinator can act on. */
@RestControllerAdvice(assignableTypes = { IssueApiController.class, IssueReviewApiController.class,
		DeliveryApiController.class,
		SeriesApiController.class, CalendarApiController.class, UnsubscribeApiController.class })
class ApiErrors {

	@ExceptionHandler(IssueNotFoundException.class)
	ProblemDetail notFound(IssueNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Numéro introuvable", ex.getMessage());
	}

	@ExceptionHandler(SendRefusedException.class)
	ProblemDetail refused(SendRefusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Envoi refusé", ex.getMessage());
	}

	/** The team requires an approval before a send, and the draft has none (yet, or since an edit). */
	@ExceptionHandler(ApprovalMissingException.class)
	ProblemDetail approvalMissing(ApprovalMissingException ex) {
		return problem(HttpStatus.CONFLICT, "Approbation requise", ex.getMessage());
	}

	/** A review step its state does not allow, or the four-eyes rule forbids to the caller. */
	@ExceptionHandler(ReviewRefusedException.class)
	ProblemDetail reviewRefused(ReviewRefusedException ex) {
		return problem(HttpStatus.CONFLICT, "Étape d'approbation refusée", ex.getMessage());
	}

	@ExceptionHandler(IssueStateException.class)
	ProblemDetail conflict(IssueStateException ex) {
		return problem(HttpStatus.CONFLICT, "Statut incompatible", ex.getMessage());
	}

	/** A template or content that does not render: where, so that it can be fixed. */
	@ExceptionHandler(TemplateProblem.class)
	ProblemDetail unrenderable(TemplateProblem ex) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rendu impossible", ex.getMessage());
		problem.setProperty("part", ex.getPart());
		problem.setProperty("line", ex.getLine());
		problem.setProperty("column", ex.getColumn());
		return problem;
	}

	/** A block refused: which variant, which block, which field (400). */
	@ExceptionHandler(VariantRequest.InvalidBlock.class)
	ProblemDetail invalidBlock(VariantRequest.InvalidBlock ex) {
		var problem = invalidBlock(ex.getMessage(), ex.problem());
		problem.setProperty("language", ex.language());
		problem.setProperty("pointer", ex.pointer());
		return problem;
	}

	@ExceptionHandler(BlockProblem.class)
	ProblemDetail invalidBlock(BlockProblem ex) {
		return invalidBlock(ex.getMessage(), ex);
	}

	private static ProblemDetail invalidBlock(String detail, BlockProblem block) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Bloc invalide", detail);
		problem.setProperty("position", block.position());
		problem.setProperty("path", block.path());
		problem.setProperty("field", block.field());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Requête invalide", ex.getMessage());
	}

	@ExceptionHandler(SeriesNotFoundException.class)
	ProblemDetail seriesNotFound(SeriesNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Série introuvable", ex.getMessage());
	}

	// two changes of one issue at once (a click and the engine): the later one is refused, not lost
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange() {
		return problem(HttpStatus.CONFLICT, "Modification concurrente",
				"Le numéro a changé pendant l'opération ; relisez son statut et réessayez.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}

package io.infolettre.newsletter.api;

import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.issue.IssueStateException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as RFC 9457 problem details, with the reason the coordinator can act on. */
@RestControllerAdvice(assignableTypes = IssueApiController.class)
class ApiErrors {

	@ExceptionHandler(IssueNotFoundException.class)
	ProblemDetail notFound(IssueNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Numéro introuvable", ex.getMessage());
	}

	@ExceptionHandler(SendRefusedException.class)
	ProblemDetail refused(SendRefusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Envoi refusé", ex.getMessage());
	}

	@ExceptionHandler(IssueStateException.class)
	ProblemDetail conflict(IssueStateException ex) {
		return problem(HttpStatus.CONFLICT, "Statut incompatible", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}

package io.infolettre.newsletter.api;

import io.infolettre.newsletter.subscriber.SubscriberNotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the subscriber, company and attribute calls as RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = { SubscriberApiController.class, CompanyApiController.class,
		AttributeApiController.class })
class PeopleApiErrors {

	@ExceptionHandler(SubscriberNotFoundException.class)
	ProblemDetail notFound(SubscriberNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Introuvable", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Requête invalide", ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange() {
		return problem(HttpStatus.CONFLICT, "Modification concurrente",
				"L’abonné a changé pendant l’opération (un désabonnement, peut-être) ; relisez-le et réessayez.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}

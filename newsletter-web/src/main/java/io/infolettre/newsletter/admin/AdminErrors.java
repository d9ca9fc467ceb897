package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.series.SeriesNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

@ControllerAdvice(assignableTypes = { IssueAdminController.class, IssueSendingController.class,
		IssueSchedulingController.class, ReconciliationController.class, OutboxController.class,
		SeriesAdminController.class, IssueEditorController.class })
class AdminErrors {

	@ExceptionHandler({ IssueNotFoundException.class, SeriesNotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/not-found";
	}

}

package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.subscriber.SubscriberNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A subscriber or company that does not exist (or was erased) is a « not found » page. */
@ControllerAdvice(assignableTypes = { SubscriberAdminController.class, CompanyAdminController.class,
		ConsentAdminController.class })
class PeopleAdminErrors {

	@ExceptionHandler(SubscriberNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/not-found";
	}

}

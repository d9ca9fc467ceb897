package io.infolettre.newsletter.api;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals (unreadable body, wrong method, missing parameter…) as RFC 9457 problem
 * details, for the API only: pages answer with the site's error page (system.ErrorPages), whatever
 * the client accepts.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemDetails.class)
class ApiProblemDetails extends ResponseEntityExceptionHandler {

}

package io.infolettre.newsletter.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a request that failed gets, whatever it accepts: under {@code /api/} a problem detail
 * (JSON), everywhere else a page in the visitor's language (see WebConfiguration), which says "this
 * link does not work" on the pages members reach from a message. Never a stack trace, never the
 * exception's message.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends AbstractErrorController {

	private static final List<String> LINK_PAGES = List.of("/u/", "/p/", "/v/", "/c/", "/inscription/confirmer/");

	ErrorPages(ErrorAttributes errorAttributes) {
		super(errorAttributes);
	}

	@RequestMapping
	Object error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = getStatus(request);
		String path = originalPath(request);
		if (path.startsWith("/api/")) {
			var problem = ProblemDetail.forStatus(status);
			problem.setInstance(URI.create(path));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		response.setStatus(status.value());
		return new ModelAndView("error", Map.of("status", status.value(), "link",
				LINK_PAGES.stream().anyMatch(path::startsWith)), status);
	}

	private static String originalPath(HttpServletRequest request) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = path instanceof String original ? original : request.getRequestURI();
		return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
	}

}

package io.infolettre.newsletter.admin;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page or form that the person's role does not allow (its RequiresPermission): a page that says so
 * in their language, with a way back, and the admin's navigation (an exception's page gets no model
 * attributes of its own, so {@code me} and {@code can} are added here).
 */
@ControllerAdvice(basePackageClasses = AccessRefusals.class)
class AccessRefusals {

	private final TeamModel team;

	AccessRefusals(TeamModel team) {
		this.team = team;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView refused(HttpServletRequest request) {
		var page = new ModelAndView("admin/forbidden");
		page.setStatus(HttpStatus.FORBIDDEN);
		page.addObject("me", this.team.me());
		page.addObject("can", this.team.can());
		page.addObject("back", back(request));
		return page;
	}

	/** The admin page the person came from, when it is one of this site's and not the refused one. */
	static String back(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			URI from = URI.create(referer);
			if (from.getHost() != null && !from.getHost().equalsIgnoreCase(request.getServerName())) {
				return null;
			}
			String path = from.getRawPath();
			if (path == null || !path.startsWith("/admin") || path.equals(request.getRequestURI())) {
				return null;
			}
			return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

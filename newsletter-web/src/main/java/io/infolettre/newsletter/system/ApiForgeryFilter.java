package io.infolettre.newsletter.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what a page of another site can make a browser send to the API. The API keeps no session,
 * but a browser that once answered its HTTP Basic challenge adds those credentials to any request
 * for this origin, a cross-site form's included. A form (or a "simple" cross-origin request) can
 * only POST as {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or
 * {@code text/plain}, or with no body type, and cannot add a header of its own; anything else
 * makes the browser ask first (a CORS preflight), which the API never grants. So a state-changing
 * request must carry another body type (JSON, a message for the bounces) or the header
 * {@code X-Requested-With}. Requests that a browser marks as coming from another site
 * ({@code Sec-Fetch-Site}) are refused whatever they carry. Bearer tokens (to come) are sent by
 * scripts, never added by a browser: they pass the same rule.
 */
final class ApiForgeryFilter extends OncePerRequestFilter {

	static final String CUSTOM_HEADER = "X-Requested-With";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	// the body types of HTML forms and of CORS "simple" requests (Fetch standard, CORS-safelisted)
	private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
			"text/plain");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Requête refusée",
					"L’API n’accepte pas une requête envoyée par un navigateur depuis un autre site.");
			return;
		}
		if (!SAFE_METHODS.contains(request.getMethod()) && formCouldSend(request)) {
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Requête refusée",
					"Un formulaire d’un autre site pourrait envoyer cette requête : envoyez un corps JSON "
							+ "(Content-Type: application/json) ou l’en-tête X-Requested-With.");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean formCouldSend(HttpServletRequest request) {
		String custom = request.getHeader(CUSTOM_HEADER);
		if (custom != null && !custom.isBlank()) {
			return false;
		}
		String type = request.getContentType();
		if (type == null || type.isBlank()) {
			return true;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return FORM_TYPES.contains((media.getType() + "/" + media.getSubtype()).toLowerCase(Locale.ROOT));
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
	}

}

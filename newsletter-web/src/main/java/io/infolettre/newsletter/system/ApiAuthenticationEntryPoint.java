package io.infolettre.newsletter.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How the API answers a request it cannot authenticate: JSON, and the HTTP Basic challenge only to
 * clients that are not browsers. A browser that receives the challenge asks for a password and then
 * adds it to every later request for this origin, those that other sites' pages make it send
 * included; one that never receives it never holds the credentials. A throttled or momentarily
 * overloaded login answers 429 with the time to wait.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String CHALLENGE = "Basic realm=\"Infolettre API\", charset=\"UTF-8\"";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof LoginThrottledException throttled) {
			response.setHeader("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
			ProblemResponses.write(response, 429, "Trop de tentatives",
					"Trop de tentatives de connexion : réessayez dans " + throttled.minutes() + " minute"
							+ (throttled.minutes() > 1 ? "s." : "."));
			return;
		}
		if (failure instanceof PasswordChecksBusyException) {
			response.setHeader("Retry-After", "1");
			ProblemResponses.write(response, 429, "Trop de connexions à la fois",
					"Trop de vérifications de mot de passe en même temps : réessayez dans un instant.");
			return;
		}
		if (!looksLikeBrowser(request)) {
			response.setHeader("WWW-Authenticate", CHALLENGE);
		}
		ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentification requise",
				"Identifiez-vous en HTTP Basic avec l’utilisateur et le mot de passe d’un compte.");
	}

	/**
	 * Current browsers mark every request with {@code Sec-Fetch-*} headers; older ones are known by
	 * what they accept and by their user agent. Scripts that want no challenge say so with
	 * {@code X-Requested-With}.
	 */
	static boolean looksLikeBrowser(HttpServletRequest request) {
		if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
				|| request.getHeader("Sec-Fetch-Dest") != null || request.getHeader(ApiForgeryFilter.CUSTOM_HEADER) != null) {
			return true;
		}
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains("text/html")) {
			return true;
		}
		String agent = request.getHeader("User-Agent");
		return agent != null && agent.startsWith("Mozilla/");
	}

}

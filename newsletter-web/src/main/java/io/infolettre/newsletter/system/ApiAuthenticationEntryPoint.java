package io.infolettre.newsletter.system;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How the API answers a request it cannot authenticate: JSON saying to use an API token, and the
 * challenges (Bearer, and Basic while a password may open the API) only to clients that are not
 * browsers. A browser that receives the challenge asks for a password and then
 * adds it to every later request for this origin, those that other sites' pages make it send
 * included; one that never receives it never holds the credentials. A throttled or momentarily
 * overloaded login answers 429 with the time to wait.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String CHALLENGE = "Basic realm=\"Infolettre API\", charset=\"UTF-8\"";

	static final String BEARER_CHALLENGE = "Bearer realm=\"Infolettre API\"";

	private static final String USE_A_TOKEN = "avec un jeton d’API (en-tête Authorization: Bearer …), "
			+ "créé dans « Mon compte » ou par POST /api/v1/tokens.";

	private final BooleanSupplier passwordAccess;

	/** @param passwordAccess whether a password may open the API now (the team's settings) */
	ApiAuthenticationEntryPoint(BooleanSupplier passwordAccess) {
		this.passwordAccess = passwordAccess;
	}

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
			if (this.passwordAccess.getAsBoolean()) {
				response.addHeader("WWW-Authenticate", CHALLENGE);
			}
			response.addHeader("WWW-Authenticate", BEARER_CHALLENGE);
		}
		if (failure instanceof ApiTokenAuthenticationFilter.ApiTokenRejected) {
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Jeton refusé",
					"Ce jeton d’API n’existe pas, a été révoqué, ou sa personne n’a plus accès à la plateforme.");
			return;
		}
		if (failure instanceof PasswordApiAccess.PasswordApiAccessRefused) {
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Mot de passe refusé",
					"Le mot de passe n’ouvre pas l’API pour ce compte : identifiez-vous " + USE_A_TOKEN);
			return;
		}
		ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentification requise",
				"Identifiez-vous " + USE_A_TOKEN);
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

package io.infolettre.newsletter.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A signed-in caller whose role lacks the permission of an API endpoint: a problem detail (403) that
 * names the permission, so that a script's author knows which role or token to ask for.
 */
final class ApiAccessDenied implements AccessDeniedHandler {

	private static final Pattern AUTHORITY = Pattern.compile("hasAuthority\\('([A-Z_]+)'\\)");

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String permission = requiredPermission(denied);
		ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Permission manquante",
				permission == null ? "Votre rôle ne permet pas cette action."
						: "Votre rôle ne permet pas cette action (permission requise : " + permission + ").");
	}

	/** The permission a RequiresPermission named, or null when the refusal came from elsewhere. */
	static String requiredPermission(AccessDeniedException denied) {
		if (denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
			var matcher = AUTHORITY.matcher(decision.getExpression().getExpressionString());
			return matcher.find() ? matcher.group(1) : null;
		}
		return null;
	}

}

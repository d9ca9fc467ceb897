package io.infolettre.newsletter.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's permission (its RequiresPermission or AnySignedInPerson) before Spring MVC reads
 * the request's parameters and body, with the same rule as method security: a person without the
 * permission gets a 403 whatever they sent, never a validation error that would tell them what the
 * handler expects, and the handler's arguments are not even read. Method security checks again
 * around the handler itself.
 */
final class PermissionCheck implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager preAuthorize;

	PermissionCheck(PreAuthorizeAuthorizationManager preAuthorize) {
		this.preAuthorize = preAuthorize;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
			var result = this.preAuthorize.authorize(SecurityContextHolder.getContextHolderStrategy().getContext()::getAuthentication,
					invocation);
			if (result != null && !result.isGranted()) {
				throw new AuthorizationDeniedException("Access Denied", result);
			}
		}
		return true;
	}

}

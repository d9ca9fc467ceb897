package io.infolettre.newsletter.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <secret>}: the request acts as the token's person, with the token's
 * permissions. A secret that opens nothing (unknown, revoked, its person deactivated) is answered 401
 * at once, never passed on as anonymous. A browser never adds this header by itself, so a token
 * cannot be abused by another site's page (ApiForgeryFilter still applies its rules).
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokenMembers members;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenAuthenticationFilter(ApiTokenMembers members, AuthenticationEntryPoint entryPoint) {
		this.members = members;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		var member = this.members.bySecret(header.substring(BEARER.length()).strip());
		if (member.isEmpty()) {
			this.contexts.clearContext();
			this.entryPoint.commence(request, response, new ApiTokenRejected());
			return;
		}
		var context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(member.get(), null, member.get().getAuthorities()));
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

	/** A bearer secret that opens nothing. */
	static final class ApiTokenRejected extends AuthenticationException {

		ApiTokenRejected() {
			super("Unknown or revoked API token");
		}

	}

}

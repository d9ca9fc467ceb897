package io.infolettre.newsletter.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers that tell a browser what a page may do. Pages of the admin load scripts and
 * styles from this origin only (inline styles are allowed: Bootstrap's components and the email
 * previews set them; inline scripts are not); public pages load no script at all; a page that
 * already sets its own policy (a newsletter's HTML, see {@code RenderedMessage.WEB_POLICY}) keeps
 * it. No page sends a referrer: the public ones carry tokens in their URLs, the admin's ids. HSTS
 * is Spring Security's: written on requests that came over https (behind a proxy, as its
 * {@code X-Forwarded-Proto} says, see {@code server.forward-headers-strategy}).
 */
final class SecurityHeaders {

	static final String ADMIN_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' https: data:; font-src 'self' https: data:; connect-src 'self'; frame-src 'self'; "
			+ "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	static final String PUBLIC_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
			+ "frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private static final String CSP = "Content-Security-Policy";

	private SecurityHeaders() {
	}

	/** Admin and public pages. */
	static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
		return headers -> headers.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.addHeaderWriter(new PagePolicy());
	}

	/** The JSON API and the click redirects: nothing to render, nothing to frame. */
	static Customizer<HeadersConfigurer<HttpSecurity>> noContent() {
		return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
	}

	private static final class PagePolicy implements HeaderWriter {

		@Override
		public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
			if (!response.containsHeader(CSP)) {
				response.setHeader(CSP, isAdmin(request) ? ADMIN_POLICY : PUBLIC_POLICY);
			}
		}

		// the API's documentation page (Swagger UI) is an admin page too: its scripts are files
		private static boolean isAdmin(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/admin") || path.startsWith("/swagger-ui");
		}

	}

}

package io.infolettre.newsletter.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.infolettre.newsletter.media.MediaSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an image upload whose announced body is larger than the media library takes (plus room
 * for the form around the file), before any of it is read: 413 with the limit in a French sentence,
 * as JSON (the API, the admin page's script) or as the site's error page (a form sent without
 * script). The uploads of the rest of the application (CSV imports up to
 * {@code spring.servlet.multipart.max-request-size}) keep their own, larger limit. A body sent
 * without a length is parsed into a temporary file within that general limit, and the library
 * reads no more than its own limit of it.
 */
final class MediaUploadLimit extends OncePerRequestFilter {

	// the multipart envelope around the file: boundaries, part headers, the name field
	static final long FORM_ROOM = 64 * 1024;

	private final MediaSettings settings;

	MediaUploadLimit(MediaSettings settings) {
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod())
				|| !(path.equals("/api/v1/media") || path.equals("/admin/media") || path.equals("/admin/media/upload"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.settings.maxUploadSize().toBytes() + FORM_ROOM) {
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String accept = request.getHeader("Accept");
		boolean page = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html")
				&& request.getRequestURI().startsWith(request.getContextPath() + "/admin/");
		if (page) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		String detail = "L’image dépasse la taille maximale de " + this.settings.maxUploadSizeInWords()
				+ " : réduisez-la et réessayez.";
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"status\":413,\"title\":\"Image refusée\",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		// after RequestSizeLimit (the general limit), before Spring Security's filters (-100), which
		// would parse a multipart body for its CSRF token
		@Bean
		FilterRegistrationBean<MediaUploadLimit> mediaUploadLimit(MediaSettings settings) {
			var registration = new FilterRegistrationBean<>(new MediaUploadLimit(settings));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
			registration.addUrlPatterns("/api/v1/media", "/admin/media", "/admin/media/upload");
			return registration;
		}

	}

}

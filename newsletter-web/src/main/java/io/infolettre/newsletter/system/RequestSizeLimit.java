package io.infolettre.newsletter.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose announced body is larger than allowed (413), before anything reads it: a
 * file upload beyond {@code spring.servlet.multipart.max-request-size}, any other API body beyond
 * {@code newsletter.api.max-body-size}. Without it an oversized upload was parsed by the CSRF check,
 * failed there and came back as a bare 403; an oversized JSON body was read whole into memory. The
 * answer is the site's error page (JSON under /api/). A body sent without a length is bounded by
 * the same limits where it is read (multipart parsing, the API's message converters).
 */
final class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxUpload;

	private final long maxApiBody;

	RequestSizeLimit(long maxUpload, long maxApiBody) {
		this.maxUpload = maxUpload;
		this.maxApiBody = maxApiBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > limit(request)) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private long limit(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
			return this.maxUpload;
		}
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		return api ? this.maxApiBody : Long.MAX_VALUE;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		// before Spring Security's filters (order -100), which would parse a multipart body for its CSRF token
		@Bean
		FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(MultipartProperties multipart, ApiSettings api) {
			var registration = new FilterRegistrationBean<>(
					new RequestSizeLimit(multipart.getMaxRequestSize().toBytes(), api.maxBodySize().toBytes()));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
			return registration;
		}

	}

}

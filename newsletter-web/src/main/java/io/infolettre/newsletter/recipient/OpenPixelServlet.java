package io.infolettre.newsletter.recipient;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

import io.infolettre.newsletter.delivery.RecipientResponses;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 1×1 GIF in every tracked message, {@code GET /o/{token}.gif}: records an open, returns the
 * image. It answers every open of every message, so it is a servlet of its own rather than a
 * controller: Spring MVC matched its path against every mapping of the application and negotiated
 * the response's type, half the cost of the request. The filters still run (the security headers).
 */
final class OpenPixelServlet extends HttpServlet {

	static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private static final String SUFFIX = ".gif";

	private final transient TrackingTokens tokens;

	private final transient RecipientResponses responses;

	OpenPixelServlet(TrackingTokens tokens, RecipientResponses responses) {
		this.tokens = tokens;
		this.responses = responses;
	}

	// Verifying the token is all the request does; the open is written a moment later, in a batch.
	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo(); // "/{token}.gif"
		var deliveryId = path != null && path.endsWith(SUFFIX) && path.indexOf('/', 1) < 0
				? this.tokens.verify(TokenPurpose.OPEN, path.substring(1, path.length() - SUFFIX.length()))
				: Optional.<String>empty();
		if (deliveryId.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		this.responses.recordOpen(deliveryId.get(), request.getHeader("User-Agent"), request.getRemoteAddr());
		response.setContentType("image/gif");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(PIXEL.length);
		response.getOutputStream().write(PIXEL);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		ServletRegistrationBean<OpenPixelServlet> openPixelServlet(TrackingTokens tokens, RecipientResponses responses) {
			var registration = new ServletRegistrationBean<>(new OpenPixelServlet(tokens, responses), "/o/*");
			registration.setName("openPixel");
			return registration;
		}

	}

}

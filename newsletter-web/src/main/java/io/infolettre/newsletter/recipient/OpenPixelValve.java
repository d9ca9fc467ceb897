package io.infolettre.newsletter.recipient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.infolettre.newsletter.engagement.RecipientResponses;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The 1×1 GIF in every tracked message, {@code GET /o/{token}.gif}: records an open, returns the
 * image, and returns it too for a token it cannot read (nothing is recorded then), so a message never
 * shows a broken image. It answers every open of every message, so it is answered in Tomcat's pipeline, before the
 * servlet filters: as a servlet, the filters (security, observation, encoding, request context) took
 * more of each request than the pixel itself, and much of its garbage (bench/pixel.sh). None of them
 * has anything to do here: the signed token is the only authority, there is no session, no form, no
 * page. The headers are written as bytes, once: Tomcat encodes a header given as a string with a new
 * encoder each time.
 */
final class OpenPixelValve extends ValveBase {

	static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private static final String PREFIX = "/o/";

	private static final String SUFFIX = ".gif";

	private static final byte[] IMAGE_GIF = ascii("image/gif");

	private static final byte[] NO_STORE = ascii("no-store");

	private static final byte[] NOSNIFF = ascii("nosniff");

	private final TrackingTokens tokens;

	private final RecipientResponses responses;

	OpenPixelValve(TrackingTokens tokens, RecipientResponses responses) {
		super(true);
		this.tokens = tokens;
		this.responses = responses;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		String uri = request.getDecodedRequestURI();
		int start = request.getContext().getPath().length();
		String method = request.getMethod();
		if (uri == null || !uri.startsWith(PREFIX, start) || !("GET".equals(method) || "HEAD".equals(method))) {
			getNext().invoke(request, response);
			return;
		}
		// Verifying the token is all the request does; the open is written a moment later, in a batch.
		String name = uri.substring(start + PREFIX.length());
		Optional<String> deliveryId = name.endsWith(SUFFIX) && name.indexOf('/') < 0
				? this.tokens.verify(TokenPurpose.OPEN, name.substring(0, name.length() - SUFFIX.length()))
				: Optional.empty();
		// whatever the token, the image: a broken image in a message tells nobody anything useful
		deliveryId.ifPresent(id -> this.responses.recordOpen(id, request.getHeader("User-Agent"), request.getRemoteAddr()));
		MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
		headers.addValue("Content-Type").setBytes(IMAGE_GIF, 0, IMAGE_GIF.length);
		headers.addValue("Cache-Control").setBytes(NO_STORE, 0, NO_STORE.length);
		headers.addValue("X-Content-Type-Options").setBytes(NOSNIFF, 0, NOSNIFF.length);
		response.setContentLength(PIXEL.length);
		if ("GET".equals(method)) {
			response.getOutputStream().write(PIXEL);
		}
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.US_ASCII);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> openPixelValve(TrackingTokens tokens,
				RecipientResponses responses) {
			return factory -> factory.addContextValves(new OpenPixelValve(tokens, responses));
		}

	}

}

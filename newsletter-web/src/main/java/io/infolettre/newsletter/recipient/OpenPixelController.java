package io.infolettre.newsletter.recipient;

import java.util.Base64;

import io.infolettre.newsletter.delivery.RecipientResponses;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The 1×1 GIF in every tracked message: records an open, returns the image. */
@RestController
class OpenPixelController {

	static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final TrackingTokens tokens;

	private final RecipientResponses responses;

	OpenPixelController(TrackingTokens tokens, RecipientResponses responses) {
		this.tokens = tokens;
		this.responses = responses;
	}

	// Verifying the token is all the request does; the open is written a moment later, in a batch.
	@GetMapping("/o/{token}.gif")
	ResponseEntity<byte[]> open(@PathVariable String token,
			@RequestHeader(name = "User-Agent", required = false) String agent, HttpServletRequest request) {
		var deliveryId = this.tokens.verify(TokenPurpose.OPEN, token);
		if (deliveryId.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		this.responses.recordOpen(deliveryId.get(), agent, request.getRemoteAddr());
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_GIF)
			.cacheControl(CacheControl.noStore())
			.body(PIXEL);
	}

}

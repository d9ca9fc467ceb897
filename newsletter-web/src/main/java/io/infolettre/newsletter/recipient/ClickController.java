package io.infolettre.newsletter.recipient;

import java.net.URI;

import io.infolettre.newsletter.engagement.RecipientResponses;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tracked link of a message: records the click (written a moment later) and redirects to the
 * issue's link the token names. A token never carries an address, so nothing redirects anywhere
 * else (no open redirect).
 */
@RestController
class ClickController {

	private final TrackingTokens tokens;

	private final RecipientResponses responses;

	ClickController(TrackingTokens tokens, RecipientResponses responses) {
		this.tokens = tokens;
		this.responses = responses;
	}

	@GetMapping("/c/{token}")
	ResponseEntity<Void> click(@PathVariable String token,
			@RequestHeader(name = "User-Agent", required = false) String agent, HttpServletRequest request) {
		var link = this.tokens.verifyClick(token)
			.flatMap(click -> this.responses.followLink(click.deliveryId(), click.linkKey(), agent,
					request.getRemoteAddr()));
		if (link.isEmpty()) {
			// the site's page for a link that does not work, rather than an empty answer
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create(link.get()))
			.cacheControl(CacheControl.noStore())
			.build();
	}

}

package io.infolettre.newsletter.recipient;

import java.nio.charset.StandardCharsets;

import io.infolettre.newsletter.delivery.IssueViews;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * "View in browser": the message of one delivery as its recipient received it (their language,
 * their name, their own unsubscribe and preference links), without the open pixel and without
 * tracked links: reading it here records nothing. The token names one delivery, so nobody else's
 * data can be reached with it; an invalid token gets the same 404 as the other public pages.
 */
@Controller
class ViewInBrowserController {

	private final TrackingTokens tokens;

	private final IssueViews views;

	ViewInBrowserController(TrackingTokens tokens, IssueViews views) {
		this.tokens = tokens;
		this.views = views;
	}

	@GetMapping(path = "/v/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> view(@PathVariable String token) {
		var message = this.tokens.verify(TokenPurpose.VIEW, token)
			.flatMap(this.views::asReceived)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return html(message.html());
	}

	static ResponseEntity<String> html(String html) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", RenderedMessage.WEB_POLICY)
			.header("X-Robots-Tag", "noindex")
			.header("Referrer-Policy", "no-referrer")
			.body(html);
	}

}

package io.infolettre.newsletter.recipient;

import io.infolettre.newsletter.engagement.RecipientResponses;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Unsubscribe in one click. GET only shows a page with a button (link scanners follow GETs); POST
 * unsubscribes at once, from that button or from a mail client's RFC 8058 one-click request.
 */
@Controller
@RequestMapping("/u/{token}")
class UnsubscribeController {

	private final TrackingTokens tokens;

	private final RecipientResponses responses;

	private final SenderIdentity sender;

	UnsubscribeController(TrackingTokens tokens, RecipientResponses responses, SenderIdentity sender) {
		this.tokens = tokens;
		this.responses = responses;
		this.sender = sender;
	}

	@GetMapping
	String confirm(@PathVariable String token, Model model) {
		deliveryId(token);
		model.addAttribute("token", token);
		model.addAttribute("sender", this.sender);
		return "recipient/unsubscribe";
	}

	// RFC 8058: a mail client posts List-Unsubscribe=One-Click; the page's button posts nothing of it
	@PostMapping
	String unsubscribe(@PathVariable String token,
			@RequestParam(name = "List-Unsubscribe", required = false) String oneClick, Model model) {
		var channel = "One-Click".equals(oneClick) ? UnsubscribeChannel.ONE_CLICK : UnsubscribeChannel.UNSUBSCRIBE_PAGE;
		if (!this.responses.unsubscribe(deliveryId(token), channel)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("sender", this.sender);
		return "recipient/unsubscribed";
	}

	private String deliveryId(String token) {
		return this.tokens.verify(TokenPurpose.UNSUBSCRIBE, token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

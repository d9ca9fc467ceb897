package io.infolettre.newsletter.recipient;

import java.util.Set;

import io.infolettre.newsletter.engagement.RecipientResponses;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.subscriber.Preferences;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
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
 * The preference center every message links to, reached without an account through its signed
 * token: the lists to stay on, the language, tracking refused, or unsubscribe from everything. The
 * address is shown masked: a forwarded message should not show it in full to whoever follows it.
 */
@Controller
@RequestMapping("/p/{token}")
class PreferencesController {

	private final TrackingTokens tokens;

	private final RecipientResponses responses;

	private final SenderIdentity sender;

	PreferencesController(TrackingTokens tokens, RecipientResponses responses, SenderIdentity sender) {
		this.tokens = tokens;
		this.responses = responses;
		this.sender = sender;
	}

	@GetMapping
	String show(@PathVariable String token, Model model) {
		return page(token, model, null);
	}

	@PostMapping
	String save(@PathVariable String token, @RequestParam(required = false) Set<String> lists,
			@RequestParam(defaultValue = "fr") String language,
			@RequestParam(defaultValue = "false") boolean trackingRefused, Model model) {
		String deliveryId = deliveryId(token);
		Preferences preferences;
		try {
			preferences = new Preferences(lists, language, trackingRefused);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.responses.savePreferences(deliveryId, preferences);
		return page(token, model, "preferences.saved");
	}

	@PostMapping("/unsubscribe")
	String unsubscribe(@PathVariable String token, Model model) {
		this.responses.unsubscribe(deliveryId(token), UnsubscribeChannel.PREFERENCE_CENTER);
		model.addAttribute("sender", this.sender);
		return "recipient/unsubscribed";
	}

	private String page(String token, Model model, String notice) {
		Subscriber subscriber = this.responses.recipientOf(deliveryId(token))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("token", token);
		model.addAttribute("sender", this.sender);
		model.addAttribute("address", masked(subscriber.getEmail().value()));
		model.addAttribute("lists", subscriber.getLists());
		model.addAttribute("language", subscriber.getLanguage());
		model.addAttribute("trackingRefused", subscriber.isTrackingRefused());
		model.addAttribute("unsubscribed", subscriber.getStatus() != SubscriberStatus.ACTIVE);
		model.addAttribute("notice", notice);
		return "recipient/preferences";
	}

	private String deliveryId(String token) {
		return this.tokens.verify(TokenPurpose.PREFERENCES, token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** {@code m•••e@exemple.ca} */
	static String masked(String email) {
		int at = email.indexOf('@');
		String local = email.substring(0, at);
		String shown = local.length() <= 2 ? local.substring(0, 1) + "•••"
				: local.charAt(0) + "•••" + local.charAt(local.length() - 1);
		return shown + email.substring(at);
	}

}

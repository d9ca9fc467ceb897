package io.infolettre.newsletter.recipient;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriptionRequest;
import io.infolettre.newsletter.subscriber.Subscriptions;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
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
 * The public subscription form with double opt-in. The answer to a submission is the same page,
 * given in the same time, whatever the address (storing the request and sending the email happen in
 * the background); submissions are rate-limited per client address (429), and an email address
 * gets a few confirmation emails a day at most (beyond, the same answer and no email). The link of
 * the email opens a page with a button: a link scanner that follows the GET confirms nothing.
 */
@Controller
@RequestMapping("/inscription")
class SubscriptionController {

	private final SubscriptionSettings settings;

	private final SubscriptionRateLimiter limiter;

	private final SubscriptionMails mails;

	private final Subscriptions subscriptions;

	private final TrackingTokens tokens;

	private final SenderIdentity sender;

	private final MessageSource messages;

	private final Clock clock;

	SubscriptionController(SubscriptionSettings settings, SubscriptionRateLimiter limiter, SubscriptionMails mails,
			Subscriptions subscriptions, TrackingTokens tokens, SenderIdentity sender, MessageSource messages,
			Clock clock) {
		this.settings = settings;
		this.limiter = limiter;
		this.mails = mails;
		this.subscriptions = subscriptions;
		this.tokens = tokens;
		this.sender = sender;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String form(Model model, Locale locale) {
		return showForm(model, new Form(null, null, null, null, locale.getLanguage(), List.of(), false), null);
	}

	@PostMapping
	String submit(@RequestParam(defaultValue = "") String email, @RequestParam(required = false) String firstName,
			@RequestParam(required = false) String lastName, @RequestParam(required = false) String company,
			@RequestParam(defaultValue = "fr") String language,
			@RequestParam(name = "lists", required = false) List<String> lists,
			@RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("sender", this.sender);
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(this.settings.refillEvery().toSeconds()));
			return "recipient/subscribe-limited";
		}
		var form = new Form(email, firstName, lastName, company, language, lists == null ? List.of() : lists, consent);
		var address = EmailAddress.parse(email);
		if (address.isEmpty()) {
			return showForm(model, form, "subscribe.email.invalid");
		}
		if (!consent) {
			return showForm(model, form, "subscribe.consent.required");
		}
		Set<String> chosen = new LinkedHashSet<>(form.lists());
		chosen.retainAll(this.settings.lists());
		this.mails.submit(new SubscriptionRequest(address.get(), firstName, lastName, company, language, chosen,
				consentText(locale), request.getRemoteAddr()));
		return "redirect:/inscription/merci";
	}

	@GetMapping("/merci")
	String sent(Model model) {
		model.addAttribute("sender", this.sender);
		return "recipient/subscribe-sent";
	}

	@GetMapping("/confirmer/{token}")
	String confirmPage(@PathVariable String token, HttpServletResponse response, Model model) {
		model.addAttribute("sender", this.sender);
		var verified = verify(token);
		if (verified.hasExpiredAt(this.clock.instant())) {
			return expired(response);
		}
		model.addAttribute("token", token);
		return "recipient/subscribe-confirm";
	}

	@PostMapping("/confirmer/{token}")
	String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		model.addAttribute("sender", this.sender);
		var verified = verify(token);
		if (verified.hasExpiredAt(this.clock.instant())) {
			return expired(response);
		}
		if (this.subscriptions.confirm(verified.id(), request.getRemoteAddr()) == Subscriptions.Confirmation.UNKNOWN) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "recipient/subscribe-confirmed";
	}

	// the page offers to subscribe again; the status says the link is gone for good
	private static String expired(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return "recipient/subscribe-expired";
	}

	private TrackingTokens.Expiring verify(String token) {
		return this.tokens.verifyExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String showForm(Model model, Form form, String problem) {
		model.addAttribute("sender", this.sender);
		model.addAttribute("form", form);
		model.addAttribute("publicLists", this.settings.lists());
		model.addAttribute("problem", problem);
		return "recipient/subscribe";
	}

	/** The consent text as the page shows it in this language: it is the proof kept with the consent. */
	private String consentText(Locale locale) {
		return this.messages.getMessage("subscribe.consent", new Object[] { this.sender.organisation() }, locale);
	}

	/** What the visitor typed, shown back when something is missing. */
	record Form(String email, String firstName, String lastName, String company, String language, List<String> lists,
			boolean consent) {
	}

}

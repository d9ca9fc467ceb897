package io.infolettre.newsletter.recipient;

import io.infolettre.newsletter.delivery.IssueViews;
import io.infolettre.newsletter.rendering.SenderIdentity;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public archive of sent issues, per language (French by default, {@code ?lang=en}). Each issue
 * is rendered for nobody: « Bonjour membre », no pixel, no tracked link, and its unsubscribe and
 * preference links lead back to the archive. Issues are named by a signed opaque slug; one left
 * out of the archive, or not sent, answers 404 like an invalid slug.
 */
@Controller
class ArchiveController {

	private final IssueViews views;

	private final SenderIdentity sender;

	ArchiveController(IssueViews views, SenderIdentity sender) {
		this.views = views;
		this.sender = sender;
	}

	@GetMapping("/archive")
	String list(@RequestParam(defaultValue = "fr") String lang, Model model) {
		String language = language(lang);
		model.addAttribute("language", language);
		model.addAttribute("issues", this.views.archive(language));
		model.addAttribute("sender", this.sender);
		return "recipient/archive";
	}

	@GetMapping(path = "/archive/{slug}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> issue(@PathVariable String slug, @RequestParam(defaultValue = "fr") String lang) {
		var message = this.views.archived(slug, language(lang))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ViewInBrowserController.html(message.html());
	}

	private static String language(String lang) {
		return "en".equals(lang) ? "en" : "fr";
	}

}

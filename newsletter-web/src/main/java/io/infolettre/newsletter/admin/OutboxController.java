package io.infolettre.newsletter.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.DevelopmentOutbox;

import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.system.RequiresPermission;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** What the development SMTP server captured; empty when a real relay is configured. */
@Controller
@RequestMapping("/admin/outbox")
@RequiresPermission(Permission.REPORTS_READ)
class OutboxController {

	private static final int PAGE = 100;

	private final Optional<DevelopmentOutbox> outbox;

	OutboxController(ObjectProvider<DevelopmentOutbox> outbox) {
		this.outbox = Optional.ofNullable(outbox.getIfAvailable());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("enabled", this.outbox.isPresent());
		model.addAttribute("total", this.outbox.map(DevelopmentOutbox::size).orElse(0L));
		model.addAttribute("messages", this.outbox.map(o -> o.latest(PAGE)).orElse(List.of()));
		return "admin/outbox";
	}

	@GetMapping("/{index}")
	String message(@PathVariable int index, Model model) {
		model.addAttribute("message", find(index));
		return "admin/outbox-message";
	}

	@GetMapping(path = "/{index}/html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> html(@PathVariable int index) {
		var message = find(index);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", RenderedMessage.WEB_POLICY)
			.body(message.html() == null ? "" : message.html());
	}

	private DevelopmentOutbox.CapturedMessage find(int index) {
		return this.outbox.flatMap(o -> o.find(index))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

package io.infolettre.newsletter.admin;

import java.util.Arrays;
import java.util.List;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attributes subscribers and companies may carry: the built-in ones (relabelled, choices
 * changed) and the coordinator's own, with a type (text, number, date, yes/no, choice).
 */
@Controller
@RequestMapping("/admin/attributes")
@RequiresPermission(Permission.AUDIENCE_READ)
class AttributeAdminController {

	private final AttributeDefinitions definitions;

	AttributeAdminController(AttributeDefinitions definitions) {
		this.definitions = definitions;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("definitions", this.definitions.all());
		model.addAttribute("types", AttributeType.values());
		return "admin/attributes";
	}

	@Audited(kind = AuditKind.ATTRIBUTE, action = "attribute.save", target = "name")
	@PostMapping
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String save(@RequestParam String name, @RequestParam(required = false) String label,
			@RequestParam AttributeType type, @RequestParam(required = false) String choices, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.definitions.save(new AttributeDefinition(name.strip(), label, type, choices(choices), false));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formError", ex.getMessage());
			return list(model);
		}
		redirect.addFlashAttribute("notice", "attributes.saved");
		return "redirect:/admin/attributes";
	}

	/** One choice a line (commas also separate them). */
	static List<String> choices(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
	}

}

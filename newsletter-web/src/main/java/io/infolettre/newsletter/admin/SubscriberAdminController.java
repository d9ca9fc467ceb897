package io.infolettre.newsletter.admin;

import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.PersonalData;
import io.infolettre.newsletter.subscriber.PersonalDataExport;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberErasure;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberPage;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subscribers: the search (a page at a time, by key), a subscriber's page with everything held
 * about them, and the coordinator's changes — each through {@link SubscriberManagement}, so the
 * aggregate checks it and an unsubscribe goes to the audit log. A refused change shows the page
 * again with the reason.
 */
@Controller
@RequestMapping("/admin/subscribers")
@RequiresPermission(Permission.AUDIENCE_READ)
class SubscriberAdminController {

	static final int PAGE_SIZE = 50;

	private final Subscribers subscribers;

	private final SubscriberManagement management;

	private final AttributeDefinitions definitions;

	private final PersonalDataExport export;

	private final SubscriberErasure erasure;

	private final Clock clock;

	SubscriberAdminController(Subscribers subscribers, SubscriberManagement management,
			AttributeDefinitions definitions, PersonalDataExport export, SubscriberErasure erasure, Clock clock) {
		this.clock = clock;
		this.subscribers = subscribers;
		this.management = management;
		this.definitions = definitions;
		this.export = export;
		this.erasure = erasure;
	}

	@GetMapping
	String search(@ModelAttribute SubscriberSearchForm form, Model model, HttpServletResponse response) {
		SubscriberPage page;
		try {
			page = this.subscribers.search(form.toSearch(this.definitions), form.afterOrNull(), PAGE_SIZE);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("searchError", ex.getMessage());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			page = new SubscriberPage(List.of(), null);
		}
		model.addAttribute("form", form);
		model.addAttribute("page", page);
		model.addAttribute("paged", form.afterOrNull() != null);
		model.addAttribute("statuses", SubscriberStatus.values());
		model.addAttribute("lists", this.subscribers.listNames());
		model.addAttribute("attributes", this.definitions.all());
		return "admin/subscribers";
	}

	@GetMapping("/new")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String newSubscriber(Model model) {
		return form(NewSubscriberForm.empty(), null, model);
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.add")
	@PostMapping
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String add(@ModelAttribute NewSubscriberForm form, Principal principal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Subscriber added = this.management.add(form.toSubscriber(principal.getName(), this.clock.instant()));
			redirect.addFlashAttribute("notice", "subscriber.added");
			return "redirect:/admin/subscribers/" + added.getId();
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(form, ex.getMessage(), model);
		}
	}

	@GetMapping("/{id}")
	String view(@PathVariable String id, Model model) {
		PersonalData data = this.export.export(id);
		Subscriber subscriber = this.management.get(id);
		model.addAttribute("subscriber", subscriber);
		model.addAttribute("companyId", subscriber.getCompany() == null ? null : Company.idOf(subscriber.getCompany()));
		model.addAttribute("data", data);
		model.addAttribute("attributes", this.definitions.all());
		model.addAttribute("deliveries", data.held().getOrDefault("deliveries", List.of()));
		return "admin/subscriber";
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.edit")
	@PostMapping("/{id}/details")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String edit(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, model, response, redirect, "subscriber.saved", () -> {
			this.management.editDetails(id, form.get("firstName"), form.get("lastName"), form.get("company"),
					form.getOrDefault("language", "fr"), form.containsKey("trackingRefused"));
			Map<String, String> attributes = new LinkedHashMap<>();
			form.forEach((name, value) -> {
				if (name.startsWith("attr.")) {
					attributes.put(name.substring("attr.".length()), value);
				}
			});
			this.management.setAttributes(id, attributes);
			if (form.get("email") != null && !form.get("email").isBlank()) {
				this.management.changeEmail(id, form.get("email"));
			}
		});
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.joinList")
	@PostMapping("/{id}/lists")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String joinList(@PathVariable String id, @RequestParam String list, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, model, response, redirect, "subscriber.listJoined", () -> this.management.joinList(id, list));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.leaveList")
	@PostMapping("/{id}/lists/remove")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String leaveList(@PathVariable String id, @RequestParam String list, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, model, response, redirect, "subscriber.listLeft", () -> this.management.leaveList(id, list));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.tag")
	@PostMapping("/{id}/tags")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String tag(@PathVariable String id, @RequestParam String tag, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, model, response, redirect, "subscriber.saved", () -> this.management.tag(id, tag));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.untag")
	@PostMapping("/{id}/tags/remove")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String untag(@PathVariable String id, @RequestParam String tag, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, model, response, redirect, "subscriber.saved", () -> this.management.untag(id, tag));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.unsubscribe")
	@PostMapping("/{id}/unsubscribe")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String unsubscribe(@PathVariable String id, RedirectAttributes redirect) {
		this.management.get(id);
		boolean done = this.management.unsubscribe(id, UnsubscribeChannel.ADMIN, null);
		redirect.addFlashAttribute("notice", done ? "subscriber.unsubscribed" : "subscriber.alreadyUnsubscribed");
		return "redirect:/admin/subscribers/" + id;
	}

	@Audited(kind = AuditKind.CONSENT, action = "consent.renew")
	@PostMapping("/{id}/consent/renew")
	@RequiresPermission(Permission.CONSENTS_MANAGE)
	String renew(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, model, response, redirect, "consent.renewed", () -> this.management.renewConsent(id));
	}

	@Audited(kind = AuditKind.CONSENT, action = "consent.express")
	@PostMapping("/{id}/consent/express")
	@RequiresPermission(Permission.CONSENTS_MANAGE)
	String expressConsent(@PathVariable String id, @RequestParam(required = false) String source,
			@RequestParam(required = false) String proof, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, model, response, redirect, "consent.recorded",
				() -> this.management.recordExpressConsent(id, source, proof));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.erase")
	@PostMapping("/{id}/delete")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String delete(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
		this.erasure.erase(id, principal.getName());
		redirect.addFlashAttribute("notice", "subscriber.erased");
		return "redirect:/admin/subscribers";
	}

	@GetMapping("/{id}/personal-data")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String personalData(@PathVariable String id, Model model) {
		model.addAttribute("data", this.export.export(id));
		return "admin/personal-data";
	}

	@GetMapping(path = "/{id}/personal-data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	@ResponseBody
	ResponseEntity<PersonalData> personalDataJson(@PathVariable String id) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"donnees-" + id + ".json\"")
			.body(this.export.export(id));
	}

	private String change(String id, Model model, HttpServletResponse response, RedirectAttributes redirect,
			String notice, Runnable change) {
		try {
			change.run();
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formError", ex.getMessage());
			return view(id, model);
		}
		catch (OptimisticLockingFailureException ex) {
			// an unsubscribe or another change arrived after the page was shown: nothing was overwritten
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("formErrorKey", "subscriber.changedMeanwhile");
			return view(id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/admin/subscribers/" + id;
	}

	private String form(NewSubscriberForm form, String problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("formError", problem);
		model.addAttribute("consentTypes", Arrays.asList(io.infolettre.newsletter.subscriber.Consent.Type.values()));
		return "admin/subscriber-new";
	}


}

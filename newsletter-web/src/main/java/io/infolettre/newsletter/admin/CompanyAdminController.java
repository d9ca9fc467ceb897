package io.infolettre.newsletter.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Companies;
import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberNotFoundException;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
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
 * Member companies: the list (a page at a time) and a company's page — its attributes, and its
 * contacts with their status, lists and consent (« who at this company receives what »). A company
 * is named by a query parameter, since its id holds its name, which may hold any character.
 */
@Controller
@RequestMapping("/admin/companies")
@RequiresPermission(Permission.AUDIENCE_READ)
class CompanyAdminController {

	static final int PAGE_SIZE = 100;

	static final int CONTACTS = 500;

	private final Companies companies;

	private final Subscribers subscribers;

	private final SubscriberManagement management;

	private final AttributeDefinitions definitions;

	CompanyAdminController(Companies companies, Subscribers subscribers, SubscriberManagement management,
			AttributeDefinitions definitions) {
		this.companies = companies;
		this.subscribers = subscribers;
		this.management = management;
		this.definitions = definitions;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after, Model model) {
		List<Company> page = this.companies.page(q, after == null || after.isBlank() ? null : after, PAGE_SIZE + 1);
		model.addAttribute("q", q);
		model.addAttribute("companies", page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page);
		model.addAttribute("next", page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id() : null);
		return "admin/companies";
	}

	@GetMapping("/company")
	String detail(@RequestParam String id, Model model) {
		Company company = this.companies.findById(id).orElseThrow(() -> new SubscriberNotFoundException(id));
		model.addAttribute("company", company);
		model.addAttribute("contacts", this.subscribers.findByCompany(company.name(), CONTACTS));
		model.addAttribute("attributes", this.definitions.all());
		return "admin/company";
	}

	@Audited(kind = AuditKind.COMPANY, action = "company.edit")
	@PostMapping("/company")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String edit(@RequestParam String id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> attributes = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("attr.")) {
				attributes.put(name.substring("attr.".length()), value);
			}
		});
		try {
			this.companies.setAttributes(id, attributes);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formError", ex.getMessage());
			return detail(id, model);
		}
		redirect.addFlashAttribute("notice", "company.saved");
		return redirectTo(id, redirect);
	}

	@Audited(kind = AuditKind.COMPANY, action = "company.renewConsents")
	@PostMapping("/company/consents/renew")
	@RequiresPermission(Permission.CONSENTS_MANAGE)
	String renewConsents(@RequestParam String id, RedirectAttributes redirect) {
		Company company = this.companies.findById(id).orElseThrow(() -> new SubscriberNotFoundException(id));
		redirect.addFlashAttribute("renewed", this.management.renewCompanyConsents(company.name()));
		redirect.addFlashAttribute("notice", "company.consentsRenewed");
		return redirectTo(id, redirect);
	}

	// the id goes as an encoded query parameter (a name may hold braces, slashes, accents)
	static String redirectTo(String companyId, RedirectAttributes redirect) {
		redirect.addAttribute("id", companyId);
		return "redirect:/admin/companies/company";
	}

}

package io.infolettre.newsletter.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
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
 * Implied consents that lapse within 60 days, and those already lapsed (no send reaches them until
 * renewed), soonest first, with their companies: the coordinator renews one person, or every
 * contact of a company whose membership was renewed.
 */
@Controller
@RequestMapping("/admin/consents")
@RequiresPermission(Permission.CONSENTS_MANAGE)
class ConsentAdminController {

	/** Days ahead, counted on the association's calendar (see {@link Consent#lapsingHorizon}). */
	static final int HORIZON_DAYS = 60;

	static final int LIMIT = 500;

	private final Subscribers subscribers;

	private final SubscriberManagement management;

	private final Clock clock;

	ConsentAdminController(Subscribers subscribers, SubscriberManagement management, Clock clock) {
		this.subscribers = subscribers;
		this.management = management;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		Instant now = this.clock.instant();
		List<Subscriber> lapsing = this.subscribers.consentsLapsingBefore(Consent.lapsingHorizon(now, HORIZON_DAYS),
				LIMIT);
		Map<String, Long> byCompany = new TreeMap<>();
		lapsing.stream()
			.filter(s -> s.getCompany() != null)
			.forEach(s -> byCompany.merge(s.getCompany(), 1L, Long::sum));
		model.addAttribute("lapsed", lapsing.stream().filter(s -> !s.getConsent().expiresAt().isAfter(now)).toList());
		model.addAttribute("lapsing", lapsing.stream().filter(s -> s.getConsent().expiresAt().isAfter(now)).toList());
		model.addAttribute("companies", byCompany.entrySet()
			.stream()
			.map(e -> new CompanyRow(Company.idOf(e.getKey()), e.getKey(), e.getValue()))
			.toList());
		model.addAttribute("limit", LIMIT);
		model.addAttribute("truncated", lapsing.size() >= LIMIT);
		return "admin/consents";
	}

	@Audited(kind = AuditKind.CONSENT, action = "consent.renew")
	@PostMapping("/renew")
	String renew(@RequestParam String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.management.renewConsent(id);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formError", ex.getMessage());
			return list(model);
		}
		redirect.addFlashAttribute("notice", "consent.renewed");
		return "redirect:/admin/consents";
	}

	@Audited(kind = AuditKind.COMPANY, action = "company.renewConsents", target = "company")
	@PostMapping("/renew-company")
	String renewCompany(@RequestParam String company, RedirectAttributes redirect) {
		redirect.addFlashAttribute("renewed", this.management.renewCompanyConsents(company));
		redirect.addFlashAttribute("notice", "company.consentsRenewed");
		return "redirect:/admin/consents";
	}

	/** A company with contacts in the list, and how many. */
	record CompanyRow(String id, String name, long contacts) {
	}

}
